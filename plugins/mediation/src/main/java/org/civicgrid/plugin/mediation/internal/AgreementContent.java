package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a mediation agreement (人民调解协议书) as the People's Mediation Law art. 29 requires it: the
 * parties' basic facts; the dispute's main facts and the points in dispute; what the parties agreed, how and by
 * when it is performed; signed by the parties and the mediator and sealed by the committee, one copy each.
 *
 * @param number the document's number
 * @param committee the mediation organisation's name
 * @param parties the parties, in full
 * @param facts the dispute's main facts
 * @param issues the points in dispute
 * @param terms the agreed content
 * @param performance how it is performed
 * @param performanceDeadline by when, or {@code null}
 * @param effectiveOn the day it took effect
 * @param confirmationDeadline the last day to apply for judicial confirmation
 * @param mediator the mediator's name
 */
public record AgreementContent(String number, String committee, List<PartyInput> parties, String facts,
                               String issues, String terms, String performance, LocalDate performanceDeadline,
                               LocalDate effectiveOn, LocalDate confirmationDeadline, String mediator) {

    /** A line of the document. */
    record Line(Style style, String text) {
    }

    /** How a line is set. */
    enum Style {
        TITLE, CENTRED, HEADING, BODY, SIGNATURE
    }

    static AgreementContent of(Dispute dispute, List<PartyInput> parties, Agreement agreement, String committee,
                               String mediator) {
        String number = "（" + agreement.effectiveOn().getYear() + "）调字第" + dispute.id().substring(0, 8).toUpperCase() + "号";
        return new AgreementContent(number, committee == null ? "人民调解委员会" : committee, parties,
                agreement.facts(), agreement.issues(), agreement.terms(), agreement.performance(),
                agreement.performanceDeadline(), agreement.effectiveOn(), agreement.confirmationDeadline(), mediator);
    }

    /** The document, line by line. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Style.TITLE, "人民调解协议书"));
        lines.add(new Line(Style.CENTRED, number));
        lines.add(new Line(Style.HEADING, "当事人基本情况"));
        for (PartyInput p : parties) {
            StringBuilder s = new StringBuilder(role(p.role())).append("：").append(p.name());
            if (p.idNumber() != null) {
                s.append("，").append(p.kind() == Party.Kind.PERSON ? "公民身份号码 " : "统一社会信用代码 ").append(p.idNumber());
            }
            if (p.phone() != null) {
                s.append("，联系电话 ").append(p.phone());
            }
            if (p.address() != null) {
                s.append("，").append(p.kind() == Party.Kind.PERSON ? "住址 " : "住所 ").append(p.address());
            }
            lines.add(new Line(Style.BODY, s.append("。").toString()));
        }
        lines.add(new Line(Style.HEADING, "纠纷主要事实"));
        lines.add(new Line(Style.BODY, facts));
        lines.add(new Line(Style.HEADING, "争议事项"));
        lines.add(new Line(Style.BODY, issues));
        lines.add(new Line(Style.HEADING, "经人民调解委员会调解，当事人自愿达成如下协议"));
        lines.add(new Line(Style.BODY, terms));
        lines.add(new Line(Style.HEADING, "履行方式、时限"));
        lines.add(new Line(Style.BODY, performance + (performanceDeadline == null ? ""
                : "（于" + chinese(performanceDeadline) + "前履行完毕）")));
        lines.add(new Line(Style.BODY, "本协议自各方当事人签名（盖章）、人民调解员签名并加盖人民调解委员会印章之日起生效，"
                + "具有法律约束力，当事人应当按照约定履行。本协议一式三份，当事人、人民调解委员会各持一份。"));
        lines.add(new Line(Style.BODY, "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认（至"
                + chinese(confirmationDeadline) + "止）。"));
        for (PartyInput p : parties) {
            lines.add(new Line(Style.SIGNATURE, role(p.role()) + "（签名或盖章）：" + p.name()));
        }
        lines.add(new Line(Style.SIGNATURE, "人民调解员（签名）：" + mediator));
        lines.add(new Line(Style.SIGNATURE, committee + "（印章）"));
        lines.add(new Line(Style.SIGNATURE, chinese(effectiveOn)));
        return lines;
    }

    static String role(Party.Role role) {
        return switch (role) {
            case APPLICANT -> "申请人";
            case RESPONDENT -> "被申请人";
            case THIRD_PARTY -> "第三人";
        };
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
