package org.ceir.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Machine callers verified lately, so that a system sending thousands of requests does not cost a
 * verification each: remembered for a while under a SHA-256 of the credentials presented (never the
 * credentials themselves), so that a revoked key or a changed password takes effect within that time.
 */
final class VerifiedCallers {
    private final Cache<String, Principal> verified;

    VerifiedCallers(Duration remember) {
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(remember)
                .maximumSize(10_000)
                .build();
    }

    /**
     * The caller who presented {@code credentials}: remembered, or verified now by {@code verify}
     * (which throws to refuse) and then remembered.
     */
    Principal get(Supplier<Principal> verify, String... credentials) {
        String fingerprint = fingerprint(credentials);
        Principal known = verified.getIfPresent(fingerprint);
        if (known != null) {
            return known;
        }
        Principal principal = verify.get();
        verified.put(fingerprint, principal);
        return principal;
    }

    /** The SHA-256 of the credentials joined by a zero byte (which no user name holds). */
    private static String fingerprint(String... credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < credentials.length; i++) {
                if (i > 0) {
                    digest.update((byte) 0);
                }
                digest.update(credentials[i].getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
