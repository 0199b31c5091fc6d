package org.ceir.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format that other tools read:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, base64 without padding.
 *
 * <p>BouncyCastle computes Argon2; only the PHC encoding is written here, because BouncyCastle
 * has none. The default cost is OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): about
 * 50 ms a hash on this project's machines, slow for a guesser, bearable for a login.
 */
final class PasswordHasher {
    static final PasswordHasher DEFAULT = new PasswordHasher(19_456, 2, 1);

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new hash of {@code password} with a fresh random salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false for anything that is not a valid hash. */
    boolean verify(String password, String encoded) {
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = argon2(password, parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism,
                parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** Whether {@code encoded} was made with other parameters than these, so it should be hashed again. */
    boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || parsed.memoryKib != memoryKib || parsed.iterations != iterations
                || parsed.parallelism != parallelism;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.toCharArray(), out);
        return out;
    }

    private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return null;
        }
        int memory = -1;
        int time = -1;
        int lanes = -1;
        for (String pair : parts[0].split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                return null;
            }
            try {
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> memory = value;
                    case "t" -> time = value;
                    case "p" -> lanes = value;
                    default -> {
                        return null;
                    }
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        // Bounds keep a tampered row from making one login allocate gigabytes or spin for minutes.
        if (memory < 8 || memory > 1_048_576 || time < 1 || time > 100 || lanes < 1 || lanes > 64) {
            return null;
        }
        try {
            byte[] salt = B64_DECODE.decode(parts[1]);
            byte[] hash = B64_DECODE.decode(parts[2]);
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                return null;
            }
            return new Parsed(memory, time, lanes, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
