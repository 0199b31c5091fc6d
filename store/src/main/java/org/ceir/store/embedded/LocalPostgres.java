package org.ceir.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server whose data lives in a directory of ceir's ({@code CEIR_HOME/postgres}), shared
 * by every ceir process that uses that directory.
 *
 * <p>{@link #startOrAttach} starts the server if none runs on the directory, or attaches to the one
 * that does (its port is in PostgreSQL's own {@code postmaster.pid}); a file lock makes the choice
 * atomic across processes, so the server is never started twice. Each attached process keeps one
 * connection named {@code ceir-<pid>} open as its presence; {@link #close} stops the server only
 * when no other ceir process is present. A process killed outright leaves the server running for
 * the next one.
 *
 * <p>PostgreSQL will not run as root; when ceir runs as root the server runs as {@code nobody},
 * which must be able to reach the data directory.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Pattern WAL_LEVEL_SET = Pattern.compile("^\\s*wal_level\\s*=", Pattern.MULTILINE);
    private static final int NOBODY = 65534;
    /** Instances per data directory in this process: only the last one out may stop the server. */
    private static final java.util.Map<Path, Integer> USERS_IN_PROCESS = new java.util.HashMap<>();
    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_DB = "postgres";

    private final Path dataDir;
    private final Path logFile;
    private final Path bin;
    private final int port;
    private final String database;
    private final Connection presence;
    private boolean closed;

    private final boolean durable;

    private LocalPostgres(Path home, Path bin, int port, String database, Connection presence, boolean durable) {
        this.durable = durable;
        this.dataDir = home.resolve("data");
        this.logFile = home.resolve("server.log");
        this.bin = bin;
        this.port = port;
        this.database = database;
        this.presence = presence;
    }

    /**
     * Starts the server on {@code home} or attaches to the one already running there, and makes sure
     * {@code database} exists.
     *
     * @param home          the server's directory (data and log)
     * @param preferredPort the port to start on, or 0 for any free one; ignored when attaching
     * @param progress      told what is happening, for the person waiting
     */
    public static LocalPostgres startOrAttach(Path home, int preferredPort, String database, Consumer<String> progress) {
        return startOrAttach(home, preferredPort, database, progress, true);
    }

    /**
     * A throw-away server for tests: no fsync, and stopped without a checkpoint, because its data
     * is deleted afterwards. Never for data anyone keeps.
     */
    public static LocalPostgres startForTests(Path home) {
        return startOrAttach(home, 0, "postgres", message -> { }, false);
    }

    private static LocalPostgres startOrAttach(Path home, int preferredPort, String database,
                                               Consumer<String> progress, boolean durable) {
        try {
            Files.createDirectories(home);
            Path bin = PostgresBinaries.ensureExtracted().resolve("bin");
            try (FileChannel lockFile = FileChannel.open(home.resolve("start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                Path data = home.resolve("data");
                Optional<Integer> running = runningPort(data);
                int port;
                if (running.isPresent()) {
                    port = running.get();
                } else {
                    boolean root = isRoot();
                    if (root) {
                        requireReachableByNobody(home);
                        chown(home); // nobody writes data/ and server.log here

                    }
                    if (!Files.exists(data.resolve("PG_VERSION"))) {
                        progress.accept("creating the database in " + data);
                        initdb(bin, data, root, durable);
                    } else {
                        addMissingSettings(data);
                    }
                    port = preferredPort > 0 ? preferredPort : freePort();
                    progress.accept("starting PostgreSQL " + PostgresBinaries.version() + " on port " + port);
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                            home.resolve("server.log").toString(), "-o", "-p " + port, "-w", "-t", "120", "start"),
                            root, home.resolve("server.log"));
                }
                Connection presence = connect(port, SUPERUSER_DB);
                createDatabaseIfMissing(presence, database);
                synchronized (USERS_IN_PROCESS) {
                    USERS_IN_PROCESS.merge(data.toAbsolutePath(), 1, Integer::sum);
                }
                return new LocalPostgres(home, bin, port, database, presence, durable);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + home + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL in " + home + " does not answer: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl() {
        return jdbcUrl(port, database);
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** The user every ceir process connects as. */
    public static String user() {
        return SUPERUSER;
    }

    /** The application name this process's connections carry, which marks it present. */
    public static String applicationName() {
        return "ceir-" + ProcessHandle.current().pid();
    }

    /** Other ceir processes connected to this server now. */
    public List<Long> otherProcesses() throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (PreparedStatement query = presence.prepareStatement(
                "SELECT DISTINCT application_name FROM pg_stat_activity WHERE application_name LIKE 'ceir-%'"
                        + " AND application_name <> ?")) {
            query.setString(1, applicationName());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    try {
                        long pid = Long.parseLong(rows.getString(1).substring(5));
                        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                            pids.add(pid);
                        }
                    } catch (NumberFormatException notOurs) {
                        // some other client chose a similar name; it does not keep the server up
                    }
                }
            }
        }
        return pids;
    }

    /**
     * Leaves the server: stops it when no other ceir process is using it. Close every connection
     * pool of this process first.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (USERS_IN_PROCESS) {
            if (USERS_IN_PROCESS.merge(dataDir.toAbsolutePath(), -1, Integer::sum) > 0) {
                closePresence();
                return;
            }
            USERS_IN_PROCESS.remove(dataDir.toAbsolutePath());
        }
        try (FileChannel lockFile = FileChannel.open(dataDir.resolveSibling("start.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            boolean others = !otherProcesses().isEmpty();
            presence.close();
            if (!others) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", durable ? "fast" : "immediate", "-w",
                        "-t", "60", "stop"), isRoot(), logFile);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not stop PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void closePresence() {
        try {
            presence.close();
        } catch (SQLException ignored) {
            // the connection only marked this process as present
        }
    }

    private static Optional<Integer> runningPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        int port = Integer.parseInt(lines.get(3).strip());
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.empty(); // stale: PostgreSQL removes it itself on start
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection probe = connect(port, SUPERUSER_DB)) {
                return Optional.of(port);
            } catch (SQLException starting) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL (pid " + pid + ") holds " + data
                            + " but does not answer on port " + port + ": " + starting.getMessage());
                }
                sleep(200);
            }
        }
    }

    private static void initdb(Path bin, Path data, boolean root, boolean durable) throws IOException {
        run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--no-locale",
                "-D", data.toString()), root, null);
        // Appended settings win over initdb's. Sized for a national register on one machine:
        // bulk merges want memory and few checkpoints; only loopback clients.
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                "",
                "# ceir",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 200",
                "shared_buffers = 512MB",
                "work_mem = 64MB",
                "maintenance_work_mem = 512MB",
                "max_wal_size = 8GB",
                "checkpoint_timeout = 15min",
                "wal_compression = on",
                "max_parallel_workers_per_gather = 2",
                "jit = off",
                ""), StandardOpenOption.APPEND);
        addMissingSettings(data);
        if (!durable) {
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                    "# a throw-away test server: speed over durability",
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off",
                    "shared_buffers = 128MB",
                    ""), StandardOpenOption.APPEND);
        }
    }

    /**
     * Settings added after the first servers were made, appended to an older data directory's
     * configuration when it lacks them (they take effect as the server starts).
     *
     * <p>{@code wal_level = minimal}: this server has no replicas and no WAL archive (its backups
     * are dumps), so the WAL only has to bring it back after a crash; then a table created or
     * truncated in a transaction is written without WAL and synced to disk at commit, which is how
     * the importer loads an operator's first file of a month (the {@code ingest} module's README
     * figures). A server run elsewhere with replicas or point-in-time recovery keeps its own
     * {@code wal_level} and loses only that saving; so does this one if someone set {@code
     * wal_level} in its configuration, which is then left alone.
     */
    private static void addMissingSettings(Path data) throws IOException {
        Path conf = data.resolve("postgresql.conf");
        if (!WAL_LEVEL_SET.matcher(Files.readString(conf, StandardCharsets.UTF_8)).find()) {
            Files.writeString(conf, String.join("\n",
                    "",
                    "# ceir: no replicas, no WAL archive; tables made in a transaction skip the WAL",
                    "wal_level = minimal",
                    "max_wal_senders = 0",
                    ""), StandardOpenOption.APPEND);
        }
    }

    private static void createDatabaseIfMissing(Connection connection, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name '" + database + "': lower-case letters, digits, _");
        }
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + database); // name checked above; DDL takes no parameters
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another process won the race
                throw e;
            }
        }
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Connection connect(int port, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("ApplicationName", applicationName());
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(port, database), properties);
    }

    private static void run(List<String> command, boolean asNobody, Path log) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                String tail = "";
                if (log != null && Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
                }
                throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + output.strip()
                        + (tail.isEmpty() ? "" : "\n" + tail));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /** PostgreSQL runs as nobody under root, and nobody must be able to walk to its directory. */
    private static void requireReachableByNobody(Path home) throws IOException {
        for (Path dir = home.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            var permissions = Files.getPosixFilePermissions(dir);
            if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL refuses to run as root, so ceir runs it as user nobody, who cannot"
                        + " enter " + dir + "; set CEIR_HOME to a directory outside it (e.g. under /var/lib or /tmp),"
                        + " or run ceir as an ordinary user");
            }
        }
    }

    private static void chown(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
