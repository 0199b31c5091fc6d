package org.ceir.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerIdsTest {
    private static final OwnerIds IDS = OwnerIds.withKey(new byte[32], "[0-9A-Z]{7}", "FIN");

    @TempDir
    Path home;

    @Test
    void encrypt_roundTripsAndNeverRepeats() {
        byte[] first = IDS.encrypt("5ABC123");
        byte[] second = IDS.encrypt("5ABC123");
        assertThat(first).isNotEqualTo(second);
        assertThat(IDS.decrypt(first)).isEqualTo("5ABC123");
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("5ABC123");
    }

    @Test
    void decrypt_alteredCipherTextIsRefused() {
        byte[] sealed = IDS.encrypt("5ABC123");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> IDS.decrypt(sealed)).hasMessageContaining("altered");
    }

    @Test
    void lookupHash_isStableAndKeyed() {
        byte[] other = new byte[32];
        other[0] = 1;
        OwnerIds otherKey = OwnerIds.withKey(other, "[0-9A-Z]{7}", "FIN");
        assertThat(IDS.lookupHash("5ABC123")).isEqualTo(IDS.lookupHash("5ABC123"));
        assertThat(Arrays.equals(IDS.lookupHash("5ABC123"), otherKey.lookupHash("5ABC123"))).isFalse();
    }

    @Test
    void normalize_acceptsWhatPeopleTypeAndDoesNotEchoTheId() {
        assertThat(IDS.normalize(" 5abc 123 ")).isEqualTo("5ABC123");
        assertThatThrownBy(() -> IDS.normalize("5ABC12#")).hasMessageNotContaining("5ABC12")
                .hasMessageContaining("FIN (7 characters given)");
    }

    @Test
    void mask_showsTheLastTwoCharacters() {
        assertThat(OwnerIds.mask("5ABC123")).isEqualTo("*****23");
    }

    @Test
    void loadOrCreateKeyFile_createsAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
        Path file = home.resolve("keys/owner-id.key");
        byte[] first = OwnerIds.loadOrCreateKeyFile(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(OwnerIds.loadOrCreateKeyFile(file)).isEqualTo(first).hasSize(32);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.count()).as("no temporary file left").isEqualTo(1);
        }
    }

    @Test
    void loadOrCreateKeyFile_keyOthersCanReadIsRefused() throws Exception {
        Path file = home.resolve("owner-id.key");
        OwnerIds.loadOrCreateKeyFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> OwnerIds.loadOrCreateKeyFile(file)).hasMessageContaining("chmod 600");
    }
}
