package org.ceir.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file whole or not at all: into a temporary name beside it, then renamed, so an
 * interrupted simulation never leaves a half-written file under a real name.
 */
final class OutputFile {
    /** Fills a text file. */
    interface TextBody {
        void write(Writer writer) throws IOException;
    }

    /** Fills a file given its temporary path, and returns what it counted. */
    interface FileBody<T> {
        T write(Path temporary) throws IOException;
    }

    private OutputFile() {
    }

    /** Writes UTF-8 text through {@code body}. */
    static void writeText(Path target, TextBody body) {
        writeFile(target, temporary -> {
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                    StandardCharsets.UTF_8), 1 << 16)) {
                body.write(writer);
            }
            return null;
        });
    }

    /** Lets {@code body} write the temporary file, then gives it its real name. */
    static <T> T writeFile(Path target, FileBody<T> body) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            T result = body.write(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
            throw new UncheckedIOException("cannot write " + target + " (" + e.getClass().getSimpleName() + reason + ")", e);
        }
    }

    /** A field for a CSV line (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
