package org.ceir.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.ceir.app.Main;

/**
 * Runs ceir commands for tests as a person would: in this JVM with what they print captured, or in a
 * child JVM (for the long-running ones, which are stopped by a signal).
 */
final class Cli {
    private Cli() {
    }

    /**
     * Makes a test's temporary directory a home PostgreSQL can use (under root it runs as nobody, who must
     * be able to enter it); returns it as the {@code --home} argument.
     */
    static String home(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.toString();
    }

    /** What a command did: its exit code and what it printed on stdout and stderr. */
    record Result(int code, String out, String err) {
    }

    /** {@code args} followed by {@code --home home}: a command on a test's home. */
    static String[] onHome(Path home, String... args) {
        String[] withHome = Arrays.copyOf(args, args.length + 2);
        withHome[args.length] = "--home";
        withHome[args.length + 1] = home.toString();
        return withHome;
    }

    /** Runs one command in this JVM, {@code stdin} its standard input (a password it reads, say). */
    static Result runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Runs one command in this JVM. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** Runs one command in this JVM; returns what it printed, failing on a non-zero exit. */
    static String ok(String... args) {
        Result result = run(args);
        assertThat(result.code()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result.out();
    }

    /**
     * A command in a child JVM, every server on loopback at a port the system chooses; its output
     * (stdout and stderr) collected line by line while it runs.
     */
    static final class Child implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Process process;
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
        }

        static Child start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CEIR_SBI_HOST", "127.0.0.1");
            builder.environment().put("CEIR_SBI_PORT", "0");
            builder.environment().put("CEIR_WEB_BIND_ADDRESS", "127.0.0.1");
            builder.environment().put("CEIR_WEB_PORT", "0");
            builder.environment().put("CEIR_DIAMETER_PORT", "0");
            return new Child(builder.start());
        }

        /** Waits until a line contains {@code text}, the child ends or {@code patience} runs out; asserts it came. */
        void awaitLine(String text, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (lines.stream().noneMatch(line -> line.contains(text)) && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lines).as("output so far").anyMatch(line -> line.contains(text));
        }

        /**
         * SIGTERM, as on Ctrl-C the shutdown hooks run; asserts the child ends, and waits for the rest of
         * its output. Through the handle, because {@link Process#destroy()} also closes our end of the
         * child's output, which would hide what it prints while stopping.
         */
        void stop() throws InterruptedException {
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            reader.join();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
