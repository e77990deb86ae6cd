package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicgrid.plugin.mediation.internal.Studio.MEDIATOR;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The agreement says what People's Mediation Law art. 29 requires, and prints as a PDF with Chinese text. */
class AgreementDocumentTest {

    @Test
    void theAgreementCarriesWhatArticle29Requires() throws Exception {
        try (Studio studio = new Studio()) {
            Dispute d = studio.inMediation();
            studio.agree(d);
            AgreementContent content = studio.registry.agreementContent(MEDIATOR, d.id());
            String text = String.join("\n", content.lines().stream().map(AgreementContent.Line::text).toList());
            assertThat(text)
                    .contains("人民调解协议书")
                    // the parties' basic facts, in full on the document the parties sign
                    .contains("申请人：张三，公民身份号码 " + Studio.ID + "，联系电话 13812345678，住址 龙港镇某村1号")
                    .contains("被申请人：李四")
                    // the dispute's main facts and the points in dispute
                    .contains("纠纷主要事实").contains("两户宅基地边界争议")
                    .contains("争议事项").contains("界墙位置")
                    // the agreed content, how and by when it is performed
                    .contains("李四于六月底前拆除越界围墙")
                    .contains("李四自行拆除，张三予以配合（于2024年6月30日前履行完毕）")
                    // signed by the parties and the mediator, sealed by the committee; effect and confirmation
                    .contains("申请人（签名或盖章）：张三").contains("被申请人（签名或盖章）：李四")
                    .contains("人民调解员（签名）：调解员qs-med")
                    .contains("龙港镇人民调解委员会（印章）")
                    .contains("一式三份")
                    .contains("三十日内共同向人民法院申请司法确认（至2024年6月5日止）")
                    .contains("2024年5月6日");
            assertThat(studio.audit.entries.get(studio.audit.entries.size() - 1).detail())
                    .contains("in full, agreement document");
        }
    }

    @Test
    void onlyTheMediatorOrTheDeskPrintsItAndOnlyOnceAgreed() throws Exception {
        try (Studio studio = new Studio()) {
            Dispute d = studio.inMediation();
            assertThatThrownBy(() -> studio.registry.agreementContent(MEDIATOR, d.id())).hasMessageContaining("no agreement");
            studio.agree(d);
            int audited = studio.audit.entries.size();
            assertThatThrownBy(() -> studio.registry.agreementContent(Studio.OTHER_MEDIATOR, d.id()))
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
            assertThatThrownBy(() -> studio.registry.agreementContent(Studio.ZEZHOU, d.id()))
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
            assertThat(studio.audit.entries).as("nothing disclosed, nothing audited").hasSize(audited);
        }
    }

    @Test
    void withoutAChineseFontPrintingIsRefusedWithTheSettingToChange() {
        assertThatThrownBy(() -> AgreementDocument.render(sample(), List.of("/no/such/font.ttc")))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("agreementFonts")
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(503));
    }

    @Test
    void printsAPdfWhoseTextIsTheAgreement() throws Exception {
        List<String> fonts = new StudioSettings.ConfigDefaults().fonts();
        if (AgreementDocument.usableFont(fonts).isEmpty()) {
            String banner = "\n*** SKIPPING the agreement PDF glyph check: no font with Chinese glyphs among " + fonts
                    + " (install fonts-wqy-zenhei) ***\n";
            System.err.println(banner);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(banner + "CI must run it.");
            }
            Assumptions.abort(banner);
        }
        byte[] pdf = AgreementDocument.render(sample(), fonts);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = PDDocument.load(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("人民调解协议书").contains("申请人：张三").contains("龙港镇人民调解委员会（印章）")
                    .contains("李四于六月底前拆除越界围墙");
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("人民调解协议书");
        }
    }

    static AgreementContent sample() {
        return new AgreementContent("（2024）调字第1号", "龙港镇人民调解委员会", List.of(
                new PartyInput(Party.Role.APPLICANT, Party.Kind.PERSON, "张三", Studio.ID, "13812345678", "龙港镇某村1号"),
                new PartyInput(Party.Role.RESPONDENT, Party.Kind.PERSON, "李四", null, null, null)),
                "两户宅基地边界争议，".repeat(30), "界墙位置", "李四于六月底前拆除越界围墙", "自行拆除",
                java.time.LocalDate.of(2024, 6, 30), java.time.LocalDate.of(2024, 5, 6),
                java.time.LocalDate.of(2024, 6, 5), "王调解");
    }
}
