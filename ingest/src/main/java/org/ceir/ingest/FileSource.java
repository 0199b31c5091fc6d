package org.ceir.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * One input file as stored: plain, gzip ({@code .gz}) or zip ({@code .zip}, one file inside). Gives
 * its SHA-256, and a stream of its content that counts the stored bytes read (for progress) and
 * hashes them again, so the hash recorded is of what was really imported.
 */
final class FileSource {
    private final Path path;
    private final long size;
    private final Compression compression;
    private Counting counting;
    private MessageDigest digest;

    enum Compression { NONE, GZIP, ZIP }

    FileSource(Path path) {
        this.path = path;
        if (!Files.isRegularFile(path)) {
            throw new Refused(Files.exists(path) ? path + " is not a file" : path + " does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new Refused(path + " cannot be read (permissions)");
        }
        try {
            this.size = Files.size(path);
        } catch (IOException e) {
            throw new Refused(path + " cannot be read: " + e.getMessage(), e);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        this.compression = name.endsWith(".gz") ? Compression.GZIP : name.endsWith(".zip") ? Compression.ZIP
                : Compression.NONE;
    }

    Path path() {
        return path;
    }

    String name() {
        return path.getFileName().toString();
    }

    long size() {
        return size;
    }

    /** The file's SHA-256 in hex, read in one pass. */
    String sha256() {
        MessageDigest sha = newDigest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(path)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, read);
            }
        } catch (NoSuchFileException e) {
            throw new Refused(path + " does not exist", e);
        } catch (IOException e) {
            throw new Refused(path + " cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The content, decompressed. Errors of the compressed data come out as {@link #explain}able IOExceptions. */
    InputStream open() throws IOException {
        digest = newDigest();
        counting = new Counting(new DigestInputStream(Files.newInputStream(path), digest));
        InputStream stored = new BufferedInputStream(counting, 1 << 16);
        switch (compression) {
            case GZIP:
                try {
                    return new GZIPInputStream(stored, 1 << 16);
                } catch (ZipException e) {
                    stored.close();
                    throw new Refused(name() + " is named .gz but is not gzip data (" + e.getMessage() + ")", e);
                } catch (EOFException e) {
                    stored.close();
                    throw new Refused(name() + " is empty or truncated: it ends inside the gzip header", e);
                }
            case ZIP:
                ZipInputStream zip = new ZipInputStream(stored);
                ZipEntry entry;
                do {
                    entry = zip.getNextEntry();
                } while (entry != null && entry.isDirectory());
                if (entry == null) {
                    zip.close();
                    throw new Refused(name() + " holds no file (an empty or damaged zip)");
                }
                return new SingleEntry(zip, name());
            default:
                return stored;
        }
    }

    /** Stored bytes read so far by {@link #open()}'s stream. */
    long bytesRead() {
        return counting == null ? 0 : counting.count;
    }

    /** The SHA-256 of the bytes {@link #open()}'s stream read, once it has been read to the end. */
    String sha256OfWhatWasRead() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Drains what remains of the stored file (a zip's central directory, gzip padding) into the hash. */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (counting.read(buffer, 0, buffer.length) > 0) {
            // only the hash wants these bytes
        }
    }

    /** A person-readable reason for a read error of this file. */
    String explain(IOException e) {
        if (e instanceof EOFException && compression != Compression.NONE) {
            return name() + " is truncated: its " + (compression == Compression.GZIP ? "gzip" : "zip")
                    + " data ends early (cut short in transfer?): send it again";
        }
        if (e instanceof ZipException) {
            return name() + " is corrupt: " + e.getMessage() + ": send it again";
        }
        return name() + " cannot be read: " + e.getMessage();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Counts bytes as they pass; read by the progress reporter of the same thread. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** The first file of a zip; a second one is an error rather than silently ignored. */
    private static final class SingleEntry extends FilterInputStream {
        private final ZipInputStream zip;
        private final String name;
        private boolean checked;

        SingleEntry(ZipInputStream zip, String name) {
            super(zip);
            this.zip = zip;
            this.name = name;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = zip.read(b, off, len);
            if (n < 0 && !checked) {
                checked = true;
                ZipEntry next;
                do {
                    next = zip.getNextEntry();
                } while (next != null && next.isDirectory());
                if (next != null) {
                    throw new Refused(name + " holds more than one file (" + next.getName()
                            + " after the first); zip one file per archive");
                }
            }
            return n;
        }
    }
}
