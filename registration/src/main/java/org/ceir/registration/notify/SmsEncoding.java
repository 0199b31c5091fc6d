package org.ceir.registration.notify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into the SMS that carry it (3GPP TS 23.038 alphabets, TS 23.040 §9.2.3.24.1
 * concatenation).
 *
 * <p>Two alphabets are used. A text made only of characters that the GSM 7-bit default alphabet
 * and ASCII encode with the same code (letters, digits, space and common punctuation, not
 * {@code @ $ _ [ ] { } \ ^ ~ | `}) goes as data_coding 0 with one octet per character, as SMSCs
 * take the default alphabet over SMPP; anything else (Azerbaijani ə ş ğ, Cyrillic) goes as UCS-2.
 * A text longer than one SMS is split into parts carrying a 6-octet user data header (8-bit
 * reference, part count, part number): 153 characters a part in the default alphabet, 67 in UCS-2.
 */
final class SmsEncoding {
    /** data_coding 0: the SMSC default alphabet (GSM 7-bit). */
    static final byte DEFAULT_ALPHABET = 0x00;
    /** data_coding 8: UCS-2 (UTF-16BE). */
    static final byte UCS2 = 0x08;

    private static final String SHARED_WITH_ASCII =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 \n\r!\"#%&'()*+,-./:;<=>?";

    /**
     * One SMS of a message.
     *
     * @param dataCoding  the SMPP data_coding
     * @param userData    the short_message octets, with the header when {@code hasHeader}
     * @param hasHeader   whether the esm_class must carry UDHI
     */
    record Part(byte dataCoding, byte[] userData, boolean hasHeader) {
    }

    private SmsEncoding() {
    }

    static List<Part> encode(String text, int reference) {
        boolean ucs2 = !text.chars().allMatch(c -> SHARED_WITH_ASCII.indexOf(c) >= 0);
        int single = ucs2 ? 70 : 160;
        int perPart = ucs2 ? 67 : 153;
        byte coding = ucs2 ? UCS2 : DEFAULT_ALPHABET;
        if (text.length() <= single) {
            return List.of(new Part(coding, bytes(text, ucs2), false));
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + perPart);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a character outside the BMP across two parts
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("a message of " + text.length() + " characters needs more than 255 SMS");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = bytes(chunks.get(i), ucs2);
            ByteBuffer data = ByteBuffer.allocate(6 + body.length);
            data.put((byte) 0x05).put((byte) 0x00).put((byte) 0x03)      // UDH length, IEI concatenation, IE length
                    .put((byte) reference).put((byte) chunks.size()).put((byte) (i + 1))
                    .put(body);
            parts.add(new Part(coding, data.array(), true));
        }
        return List.copyOf(parts);
    }

    private static byte[] bytes(String text, boolean ucs2) {
        return text.getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }
}
