package org.civicgrid.plugin.mediation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.civicgrid.core.api.rest.ProblemException;

/**
 * Prints an agreement as an A4 PDF with Apache PDFBox. Chinese needs a font with CJK glyphs, which PDF viewers
 * cannot be relied on to have: the first usable font of the configured list is embedded (as a subset). Without
 * one, printing is refused with a message that says which setting to change.
 */
final class AgreementDocument {

    /** A glyph every usable font must have. */
    private static final int PROBE = '调';
    private static final float MARGIN = 64;
    private static final float BODY = 11.5f;

    private AgreementDocument() {
    }

    /** @return the first configured font file that exists and has Chinese glyphs */
    static Optional<Path> usableFont(List<String> candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            Path path = Path.of(candidate.strip());
            if (Files.isReadable(path)) {
                try (FontFile font = FontFile.open(path)) {
                    if (font.font() != null) {
                        return Optional.of(path);
                    }
                } catch (IOException e) {
                    // Not a font PDFBox can read: try the next one.
                }
            }
        }
        return Optional.empty();
    }

    static byte[] render(AgreementContent content, List<String> fonts) {
        Path fontPath = usableFont(fonts).orElseThrow(() -> new ProblemException(503, "No Chinese font",
                "No font with Chinese glyphs was found for printing agreements; tried " + fonts + ". Install one "
                        + "(e.g. the fonts-wqy-zenhei package) or set agreementFonts in etc/"
                        + StudioSettings.PID + ".cfg."));
        try (FontFile file = FontFile.open(fontPath); PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, file.font(), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("人民调解协议书 " + content.number());
            info.setCreator("civicgrid mediation studio");
            new Writer(doc, font).write(content.lines());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Printing the agreement with font " + fontPath + " failed", e);
        }
    }

    /** A font file: a single TrueType font or one of a collection (.ttc), kept open while the PDF is written. */
    private record FontFile(TrueTypeCollection collection, TrueTypeFont font) implements AutoCloseable {

        static FontFile open(Path path) throws IOException {
            if (path.getFileName().toString().toLowerCase().endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null && hasChinese(f)) {
                        first[0] = f;
                    }
                });
                return new FontFile(collection, first[0]);
            }
            TrueTypeFont font = new TTFParser().parse(path.toFile());
            if (!hasChinese(font)) {
                font.close();
                return new FontFile(null, null);
            }
            return new FontFile(null, font);
        }

        private static boolean hasChinese(TrueTypeFont font) throws IOException {
            return font.getUnicodeCmapLookup(false) != null && font.getUnicodeCmapLookup(false).getGlyphId(PROBE) > 0;
        }

        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            } else if (font != null) {
                font.close();
            }
        }
    }

    /** Sets lines on A4 pages, breaking anywhere a line is full (as Chinese text may be broken). */
    private static final class Writer {

        private final PDDocument doc;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void write(List<AgreementContent.Line> lines) throws IOException {
            newPage();
            boolean firstSignature = true;
            for (AgreementContent.Line line : lines) {
                switch (line.style()) {
                    case TITLE -> centred(line.text(), 20, 14);
                    case CENTRED -> centred(line.text(), BODY, 16);
                    case HEADING -> {
                        y -= 6;
                        paragraph(line.text() + "：", 13, 0);
                    }
                    case BODY -> paragraph(line.text(), BODY, 2 * BODY);
                    case SIGNATURE -> {
                        if (firstSignature) {
                            y -= 24;
                            firstSignature = false;
                        }
                        paragraph(line.text(), BODY, 0);
                        y -= 10;
                    }
                }
            }
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void centred(String text, float size, float after) throws IOException {
            float w = font.getStringWidth(text) / 1000 * size;
            show(text, size, MARGIN + (width - w) / 2);
            y -= after;
        }

        private void paragraph(String text, float size, float indent) throws IOException {
            for (String raw : text.split("\\R")) {
                List<String> rows = wrap(raw, size, indent);
                for (int i = 0; i < rows.size(); i++) {
                    show(rows.get(i), size, MARGIN + (i == 0 ? indent : 0));
                }
            }
            y -= 4;
        }

        private List<String> wrap(String text, float size, float indent) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            float used = indent;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                if (used + w > width && row.length() > 0) {
                    rows.add(row.toString());
                    row.setLength(0);
                    used = 0;
                }
                row.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            rows.add(row.toString());
            return rows;
        }

        private void show(String text, float size, float x) throws IOException {
            if (y < MARGIN + size) {
                newPage();
            }
            y -= size * 1.5f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }
    }
}
