package org.ceir.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Owners' national IDs (Azerbaijan's 7-character FIN): checked, encrypted with AES-256-GCM for
 * storage, and hashed with HMAC-SHA256 for look-up, so that the register can find a person's
 * registrations without holding the ID in the clear. The ID never appears in a log, a message or
 * a page; people see it masked ({@link #mask}).
 *
 * <p>Both keys derive from one 32-byte master key (HMAC-SHA256 of the master over a label, as
 * HKDF's expand step does for one block), so encryption and look-up never share a key. The master
 * key comes from the configuration or from a key file that is created, readable only by its
 * owner, on first use.
 *
 * <p>Stored form: version byte (1), 12-byte random nonce, ciphertext and 16-byte tag.
 */
public final class OwnerIds {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final byte[] AAD = "ceir owner id".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final Pattern pattern;
    private final String idName;
    private final SecureRandom random = new SecureRandom();

    private OwnerIds(byte[] master, Pattern pattern, String idName) {
        this.encryptionKey = new SecretKeySpec(derive(master, "ceir owner-id encryption v1"), "AES");
        this.lookupKey = new SecretKeySpec(derive(master, "ceir owner-id lookup v1"), "HmacSHA256");
        this.pattern = pattern;
        this.idName = idName;
    }

    /** Owner IDs under a given master key (32 bytes). */
    public static OwnerIds withKey(byte[] master, String idPattern, String idName) {
        if (master.length != 32) {
            throw new IllegalArgumentException("the owner-ID key has " + master.length + " bytes; it needs 32");
        }
        return new OwnerIds(master, Pattern.compile(idPattern), idName);
    }

    /**
     * Owner IDs as the settings say: the configured key, else the key file under {@code home}
     * (created with 0600 permissions when missing; refused when others may read it).
     */
    public static OwnerIds fromSettings(RegistrationSettings settings, Path home) {
        byte[] master = settings.ownerKey().isEmpty()
                ? loadOrCreateKeyFile(home.resolve(settings.ownerKeyFile()))
                : decodeKey(settings.ownerKey(), "registration.owner-key");
        return withKey(master, settings.ownerIdPattern(), settings.ownerIdName());
    }

    static byte[] decodeKey(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": not base64 (make one with: head -c 32 /dev/urandom | base64)", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(setting + ": " + key.length + " bytes; the key is 32 bytes, base64"
                    + " (head -c 32 /dev/urandom | base64)");
        }
        return key;
    }

    static byte[] loadOrCreateKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    throw new IllegalStateException("owner-ID key file " + file + " may be read by others ("
                            + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
                }
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), "owner-ID key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("owner-ID key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new key beside the target, then links it into place: two processes never make two keys. */
    private static void createKeyFile(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(directory, ".owner-id", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // another process made the key first; theirs is the one
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The ID as stored and hashed: upper case, without spaces.
     *
     * @throws RegistrationException when it does not look like an ID (the message does not repeat it)
     */
    public String normalize(String typed) {
        String id = typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!pattern.matcher(id).matches()) {
            throw new RegistrationException(RegistrationException.Kind.INVALID, "the owner's " + idName
                    + " (" + id.length() + " characters given) does not have the form " + pattern.pattern());
        }
        return id;
    }

    /** The keyed hash a registration is found by. */
    public byte[] lookupHash(String normalizedId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac.doFinal(normalizedId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The ID encrypted for storage; a new nonce every time, so equal IDs encrypt differently. */
    public byte[] encrypt(String normalizedId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(normalizedId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The ID back from its stored form; fails when it was altered or sealed under another key. */
    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE_BYTES + 16 || stored[0] != FORMAT) {
            throw new IllegalStateException("a stored owner ID is not in format " + FORMAT);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 1, NONCE_BYTES));
            cipher.updateAAD(AAD);
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored owner ID cannot be decrypted: altered, or sealed under"
                    + " another key (check registration.owner-key / owner-key-file)", e);
        }
    }

    /** What people see of an ID: its last two characters, e.g. {@code *****7K}. */
    public static String mask(String normalizedId) {
        int shown = Math.min(2, normalizedId.length() / 3);
        return "*".repeat(normalizedId.length() - shown) + normalizedId.substring(normalizedId.length() - shown);
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
