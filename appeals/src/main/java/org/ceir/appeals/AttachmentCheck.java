package org.ceir.appeals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Tells a PDF or a JPEG by its content, and refuses everything else. A JPEG must decode as one
 * (the JDK's ImageIO reads its header and size); a PDF must start with {@code %PDF-1.x} or
 * {@code %PDF-2.0} (ISO 32000 §7.5.2, within the first 1024 bytes as readers allow) and end with
 * {@code %%EOF} after a {@code startxref} (§7.5.5). Two formats need no sniffing library.
 */
final class AttachmentCheck {
    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";

    private AttachmentCheck() {
    }

    /** A checked attachment: its media type by content, and its SHA-256. */
    record Checked(String fileName, String mediaType, byte[] content, byte[] sha256) {
    }

    static Checked check(Attachment attachment, int maxBytes) {
        String name = safeName(attachment.fileName());
        byte[] content = attachment.content();
        if (content == null || content.length == 0) {
            throw invalid("attachment-empty", "attachment " + name + " is empty", name);
        }
        if (content.length > maxBytes) {
            String size = String.format(java.util.Locale.ROOT, "%.1f", content.length / 1048576.0);
            String max = String.format(java.util.Locale.ROOT, "%.1f", maxBytes / 1048576.0);
            throw invalid("attachment-size", "attachment " + name + " has " + size + " MB; at most " + max + " MB each",
                    name, size, max);
        }
        String type;
        if (looksLikeJpeg(content)) {
            if (!decodesAsJpeg(content)) {
                throw invalid("attachment-type", "attachment " + name + " starts like a JPEG but is not a readable one",
                        name);
            }
            type = JPEG;
        } else if (looksLikePdf(content)) {
            type = PDF;
        } else {
            throw invalid("attachment-type", "attachment " + name + " is neither a PDF nor a JPEG photo (judged by its"
                    + " content, not its name): scan the document as PDF or photograph it as JPEG", name);
        }
        return new Checked(name, type, content, sha256(content));
    }

    /** The name as people see it: no path, no control characters, at most 100 characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static boolean looksLikeJpeg(byte[] content) {
        return content.length > 4 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8
                && (content[2] & 0xff) == 0xFF;
    }

    private static boolean decodesAsJpeg(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (in == null || !readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean looksLikePdf(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        int at = head.indexOf("%PDF-");
        if (at < 0 || !head.substring(at).matches("(?s)%PDF-(1\\.[0-7]|2\\.0).*")) {
            return false;
        }
        int from = Math.max(0, content.length - 1024);
        String tail = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
        int eof = tail.lastIndexOf("%%EOF");
        return eof >= 0 && tail.lastIndexOf("startxref", eof) >= 0 && tail.substring(eof + 5).isBlank();
    }

    private static AppealException invalid(String reason, String message, Object... args) {
        return new AppealException(AppealException.Kind.INVALID, reason, message, args);
    }
}
