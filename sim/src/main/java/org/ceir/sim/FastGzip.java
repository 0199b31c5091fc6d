package org.ceir.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip stream the simulator writes through: zlib's fastest level, which on operator rows
 * compresses about 4:1 at several times the speed of the default level. Public so that the
 * benchmark's baseline writes through exactly the same stream. The header has no time stamp, so
 * the same input gives the same bytes.
 */
public final class FastGzip {
    private static final int BUFFER = 1 << 16;

    private FastGzip() {
    }

    /** A new gzip file (replacing any); close it to finish the stream. */
    public static OutputStream create(Path file) throws IOException {
        return new FastestGzipOutputStream(Files.newOutputStream(file));
    }

    private static final class FastestGzipOutputStream extends GZIPOutputStream {
        FastestGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
