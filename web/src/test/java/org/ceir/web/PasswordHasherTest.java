package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(256, 1, 1);

    @Test
    void hash_isArgon2idPhcString() {
        assertThat(hasher.hash("a long passphrase")).matches("\\$argon2id\\$v=19\\$m=256,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verify_acceptsThePasswordAndNothingElse() {
        String hash = hasher.hash("a long passphrase");

        assertThat(hasher.verify("a long passphrase", hash)).isTrue();
        assertThat(hasher.verify("a long passphrasE", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void hash_saltsEachTime() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void verify_knownVectorFromAnotherImplementation() {
        // From the reference implementation (Debian's argon2): echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";

        assertThat(new PasswordHasher(65536, 2, 4).verify("password", reference)).isTrue();
    }

    @Test
    void verify_rejectsMalformedOrTamperedHashes() {
        String hash = hasher.hash("a long passphrase");

        assertThat(hasher.verify("a long passphrase", hash.replace("t=1", "t=2"))).isFalse();
        assertThat(hasher.verify("a long passphrase", "$argon2i$v=19$m=256,t=1,p=1$abc$def")).isFalse();
        assertThat(hasher.verify("a long passphrase", "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
        assertThat(hasher.verify("a long passphrase", null)).isFalse();
    }

    @Test
    void needsRehash_whenParametersChange() {
        String hash = hasher.hash("a long passphrase");

        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(new PasswordHasher(512, 1, 1).needsRehash(hash)).isTrue();
    }
}
