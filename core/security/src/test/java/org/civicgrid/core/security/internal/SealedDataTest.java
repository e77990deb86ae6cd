package org.civicgrid.core.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedDataTest {

    private static final String ID = "mh_person.id_number";

    @TempDir
    Path dir;
    private Path file;
    private SealedData sealed;

    @BeforeEach
    void keys() throws Exception {
        file = dir.resolve("civicgrid.keys");
        sealed = new SealedData(KeyRing.open(file, new SecureRandom()));
    }

    @Test
    void aSealedValueOpensInItsContextAndShowsNothingOfThePlaintext() {
        String value = sealed.seal(ID, "14052519800101123X");
        assertThat(value).startsWith("v1.1.").doesNotContain("1405251980");
        assertThat(sealed.open(ID, value)).isEqualTo("14052519800101123X");
        assertThat(sealed.seal(ID, "14052519800101123X")).as("fresh nonce each time").isNotEqualTo(value);
        assertThat(sealed.seal(ID, null)).isNull();
        assertThat(sealed.open(ID, null)).isNull();
    }

    @Test
    void aValueMovedToAnotherColumnOrAlteredDoesNotOpen() {
        String value = sealed.seal(ID, "张三");
        assertThatThrownBy(() -> sealed.open("med_party.name", value)).hasMessageContaining("altered or belongs elsewhere");
        char[] chars = value.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> sealed.open(ID, new String(chars))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealed.open(ID, "张三")).hasMessageContaining("not a sealed value");
    }

    @Test
    void afterRotationNewValuesUseTheNewKeyAndOldOnesStillOpen() throws Exception {
        String before = sealed.seal(ID, "13800001234");
        assertThat(sealed.rotate()).isEqualTo(2);
        String after = sealed.seal(ID, "13800001234");
        assertThat(after).startsWith("v1.2.");
        assertThat(sealed.open(ID, before)).isEqualTo("13800001234");
        SealedData reopened = new SealedData(KeyRing.open(file, new SecureRandom()));
        assertThat(reopened.open(ID, before)).isEqualTo("13800001234");
        assertThat(reopened.open(ID, after)).isEqualTo("13800001234");
    }

    @Test
    void fingerprintsAreStableAcrossRotationAndDifferPerContext() throws Exception {
        String f = sealed.fingerprint(ID, "14052519800101123X");
        assertThat(f).hasSize(64).isEqualTo(sealed.fingerprint(ID, "14052519800101123X"));
        assertThat(sealed.fingerprint("med_party.id_number", "14052519800101123X")).isNotEqualTo(f);
        sealed.rotate();
        assertThat(sealed.fingerprint(ID, "14052519800101123X")).isEqualTo(f);
    }

    @Test
    void theKeyFileIsCreatedForItsOwnerOnlyAndADamagedOneIsRefused() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Files.writeString(file, "current = 3\ndata.1 = AAAA\nfingerprint = AAAA\n");
        assertThatThrownBy(() -> KeyRing.open(file, new SecureRandom())).hasMessageContaining("256-bit");
        Files.writeString(file, "data.1 = " + "A".repeat(43) + "=\n");
        assertThatThrownBy(() -> KeyRing.open(file, new SecureRandom())).hasMessageContaining("restore it from your backup");
    }
}
