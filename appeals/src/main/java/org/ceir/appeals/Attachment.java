package org.ceir.appeals;

/**
 * A document an applicant brings: its name as uploaded and its bytes. Its type is judged by its
 * content, never by the name or what the browser claimed.
 */
public record Attachment(String fileName, byte[] content) {
}
