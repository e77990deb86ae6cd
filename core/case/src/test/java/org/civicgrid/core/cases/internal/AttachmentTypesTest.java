package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AttachmentTypesTest {

    @Test
    void recognisesPhotosDocumentsAndVideoByTheirFirstBytes() {
        assertThat(AttachmentTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).contains("image/jpeg");
        assertThat(AttachmentTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains("image/png");
        assertThat(AttachmentTypes.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(AttachmentTypes.detect(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'})).contains("video/mp4");
    }

    @Test
    void refusesAnythingElseWhateverItsName() {
        assertThat(AttachmentTypes.detect("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AttachmentTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(AttachmentTypes.detect(new byte[0])).isEmpty();
        assertThat(AttachmentTypes.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }
}
