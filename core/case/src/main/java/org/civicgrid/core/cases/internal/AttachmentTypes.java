package org.civicgrid.core.cases.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises the types of file a case may carry from their first bytes, never from what the client says:
 * JPEG and PNG photos, PDF documents, MP4 video.
 */
final class AttachmentTypes {

    static final String ACCEPTED = "JPEG, PNG, PDF or MP4";
    /** The types {@link #detect} recognises, and the file name endings they usually have (for pickers). */
    static final java.util.List<String> MEDIA_TYPES = java.util.List.of("image/jpeg", "image/png", "application/pdf",
            "video/mp4");
    static final java.util.List<String> EXTENSIONS = java.util.List.of(".jpg", ".jpeg", ".png", ".pdf", ".mp4");

    private AttachmentTypes() {
    }

    static Optional<String> detect(byte[] content) {
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (content.length >= 12 && "ftyp".equals(new String(content, 4, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.of("video/mp4");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        if (content.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
