package org.ceir.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's home directory, made afresh on every run. The simulated country is dated from today,
 * so yesterday's demo data is the same country shifted by a day: reusing it would mix two
 * countries, and the IMEIs printed would no longer say what the report counts. A home is wiped only
 * when a demo made it (its marker file is there) or it is empty, and never while a ceir process
 * holds its database, so a real register is never touched. Its settings ({@code ceir.yaml}) stay.
 */
public final class DemoHome {
    /** The file that marks a home as the demo's, so that the next run may wipe it. */
    static final String MARKER = "DEMO-HOME.txt";

    private DemoHome() {
    }

    /**
     * Empties {@code home} (or creates it) and marks it as the demo's.
     *
     * @throws IllegalStateException naming the directory when it holds other data or a ceir process uses it
     */
    public static void prepare(Path home) {
        try {
            if (Files.isDirectory(home) && !isEmpty(home)) {
                if (!Files.exists(home.resolve(MARKER))) {
                    throw new IllegalStateException(home + " holds data that a demo did not make; ceir demo starts afresh"
                            + " and would delete it: give --home a new directory (or set CEIR_HOME)");
                }
                Optional<Long> running = runningPostgres(home);
                if (running.isPresent()) {
                    throw new IllegalStateException("a ceir process uses " + home + " (its database runs as pid "
                            + running.get() + "): stop it (Ctrl-C) before a new demo, or give --home another directory");
                }
                deleteTree(home);
            }
            Files.createDirectories(home);
            // The embedded PostgreSQL runs as nobody under root: it must be able to reach the home.
            setPermissions(home);
            Files.writeString(home.resolve(MARKER), "Made by ceir demo: the next ceir demo here deletes everything in"
                    + " this directory and starts again.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo's home " + home + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The pid in PostgreSQL's own lock file, when that process is alive. */
    private static Optional<Long> runningPostgres(Path home) throws IOException {
        Path pidFile = home.resolve("postgres").resolve("data").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        try {
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                if (!path.equals(root) && !path.equals(root.resolve("ceir.yaml"))) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void setPermissions(Path home) throws IOException {
        try {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to open up
        }
    }
}
