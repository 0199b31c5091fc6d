package org.ceir.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.store.Database;
import org.ceir.store.Operators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files into the store: operator network data, the TAC catalogue, and the registration,
 * stolen and pairing lists. Every import is all or nothing, recorded in {@code import_job} with a
 * report, and idempotent: a file whose content was imported before is recognised by its SHA-256
 * and skipped, and data already in the store changes nothing.
 *
 * <p>Safe to use from several threads and processes at once: imports of one operator (or one list
 * kind) wait for each other, different operators' run side by side.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final Database database;
    private final Country country;
    private final IngestSettings settings;
    private final Optional<Path> reports;
    private final ImportListener listener;

    /**
     * @param reports  where report files go ({@code CEIR_HOME/reports}), or empty for none
     * @param listener told of progress, e.g. to draw a progress bar
     */
    public Importer(Database database, Country country, IngestSettings settings, Optional<Path> reports,
                    ImportListener listener) {
        this.database = database;
        this.country = country;
        this.settings = settings;
        this.reports = reports;
        this.listener = listener;
    }

    /**
     * Imports one operator file named {@code <operator>_<YYYYMMDD>_<YYYYMMDD>.csv[.gz|.zip]}.
     *
     * @throws ImportException when the file is refused; nothing was written
     */
    public ImportResult importOperator(Path file, ImportOptions options) {
        return importFile(ImportKind.OPERATOR, file, options, OptionalLong.empty());
    }

    /**
     * Imports an upload that waits in {@code import_job} as QUEUED job {@code job} (see
     * {@link ImportQueue}): the same import, recorded in that row instead of a new one.
     *
     * @throws JobTaken when another importer took the job first
     */
    ImportResult importQueued(long job, ImportKind kind, Path file, ImportOptions options) {
        return importFile(kind, file, options, OptionalLong.of(job));
    }

    private ImportResult importFile(ImportKind kind, Path file, ImportOptions options, OptionalLong queued) {
        FileSource source = source(file);
        String sha256 = sha256(source);
        FileImport work = switch (kind) {
            case OPERATOR -> operatorImport(source, sha256, options, queued);
            case TAC -> new TacImport(source, sha256, options, settings, listener);
            case REGISTRATIONS -> new RegistrationListImport(source, sha256, options, settings, listener);
            case STOLEN -> new StolenListImport(source, sha256, options, settings, listener);
            case PAIRINGS -> new PairingListImport(source, sha256, options, settings, listener,
                    new NumberingPlan(country));
        };
        return run(source, sha256, options, work, queued);
    }

    private FileImport operatorImport(FileSource source, String sha256, ImportOptions options, OptionalLong queued) {
        OperatorFileName name;
        Operator operator;
        short operatorId;
        try {
            name = OperatorFileName.parse(source.name());
            operator = country.operators().stream().filter(o -> o.code().equals(name.operator())).findFirst()
                    .orElseThrow(() -> new Refused(source.name() + ": unknown operator '" + name.operator()
                            + "'; this country's operators are " + country.operators().stream().map(Operator::code).toList()));
            operatorId = operatorId(operator);
        } catch (Refused e) {
            throw failedBeforeStart(ImportKind.OPERATOR, source, sha256, options, e, queued);
        }
        return new OperatorImport(database.dataSource(), country, settings, listener, source, sha256, name, operator,
                operatorId, options);
    }

    /**
     * The operator an operator data file belongs to, by its name ({@code <operator>_<YYYYMMDD>_<YYYYMMDD>.csv…});
     * empty when the name does not follow that form (the import would refuse it, saying why).
     */
    public static Optional<String> operatorOfFile(String fileName) {
        try {
            return Optional.of(OperatorFileName.parse(fileName).operator());
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    /** Imports the GSMA TAC catalogue (pipe-separated, plain or zipped); new and changed TACs are merged. */
    public ImportResult importTac(Path file, ImportOptions options) {
        return importFile(ImportKind.TAC, file, options, OptionalLong.empty());
    }

    /** Imports the registration list (DIRBS columns), whole or as a delta ({@link ImportOptions#delta()}). */
    public ImportResult importRegistrations(Path file, ImportOptions options) {
        return importFile(ImportKind.REGISTRATIONS, file, options, OptionalLong.empty());
    }

    /** Imports the stolen list ({@code imei,reporting_date,status}), whole or as a delta. */
    public ImportResult importStolen(Path file, ImportOptions options) {
        return importFile(ImportKind.STOLEN, file, options, OptionalLong.empty());
    }

    /** Imports the pairing list ({@code imei,imsi,msisdn}), whole or as a delta. */
    public ImportResult importPairings(Path file, ImportOptions options) {
        return importFile(ImportKind.PAIRINGS, file, options, OptionalLong.empty());
    }

    /** The import history, newest first. */
    public List<ImportJob> history(int limit) {
        return history(limit, Optional.empty());
    }

    /** The import history of one operator's data (or of everything), newest first. */
    public List<ImportJob> history(int limit, Optional<String> operator) {
        return database.transaction(connection -> {
            Jobs.reconcileInterrupted(connection);
            return Jobs.history(connection, limit, operator);
        });
    }

    /** One import with its report: the facts, counts and checks it recorded; empty when there is no such job. */
    public Optional<ImportReport> report(long jobId) {
        return database.transaction(connection -> {
            Jobs.reconcileInterrupted(connection);
            return Jobs.report(connection, jobId);
        });
    }

    ImportResult run(FileSource source, String sha256, ImportOptions options, FileImport work, OptionalLong queued) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            Jobs.reconcileInterrupted(connection);
            Optional<Jobs.Prior> prior = Jobs.prior(connection, work.kind(), work.operatorId(), sha256);
            connection.commit();
            if (prior.isPresent()) {
                return alreadyImported(connection, source, sha256, options, work, prior.get(), queued);
            }
            long jobId = queued.isPresent() ? Jobs.claim(connection, queued.getAsLong(), work.operatorId(), sha256)
                    : Jobs.start(connection, work.kind(), work.operatorId(), source.name(), sha256, options.checks(),
                    options.actor());
            Report report = new Report()
                    .fact("job", jobId)
                    .fact("kind", work.kind())
                    .fact("file", source.path().toAbsolutePath().toString())
                    .fact("sha256", sha256)
                    .fact("bytes", source.size())
                    .fact("checks", options.checks() ? "on" : "off (--no-checks)")
                    .fact("mode", options.delta() ? "delta" : "full")
                    .fact("by", options.actor())
                    .fact("started", Instant.now().toString());
            try {
                return attempt(connection, source, sha256, options, work, jobId, report);
            } finally {
                unlock(connection, jobId);
            }
        } catch (SQLException e) {
            throw new ImportException(source.name() + ": the database failed: " + e.getMessage(), 0, null, e);
        }
    }

    private ImportResult attempt(Connection connection, FileSource source, String sha256, ImportOptions options,
                                 FileImport work, long jobId, Report report) throws SQLException {
        try {
            if (!Locks.tryTransactionLock(connection, work.lockClass(), work.lockObject())) {
                listener.phase(source.name(), work.waitingFor());
                Locks.transactionLock(connection, work.lockClass(), work.lockObject());
            }
            Optional<Jobs.Prior> prior = Jobs.prior(connection, work.kind(), work.operatorId(), sha256);
            if (prior.isPresent()) {
                report.outcome("UNCHANGED");
                report.fact("same as job", prior.get().id());
                String summary = nothingToDo(source, prior.get());
                Jobs.finish(connection, jobId, "UNCHANGED", null, null, 0, 0, report.toJson(), summary);
                connection.commit();
                return new ImportResult(jobId, ImportResult.Outcome.UNCHANGED, 0, 0, summary,
                        writeReport(report, jobId, work.kind(), source.name()));
            }
            FileImport.Outcome outcome = work.run(connection, jobId, report);
            String status = outcome.changed() ? "SUCCEEDED" : "UNCHANGED";
            report.outcome(status);
            report.fact("finished", Instant.now().toString());
            Jobs.finish(connection, jobId, status, outcome.dataStart(), outcome.dataEnd(), outcome.rowsRead(),
                    outcome.rowsChanged(), report.toJson(), outcome.summary());
            connection.commit();
            return new ImportResult(jobId, outcome.changed() ? ImportResult.Outcome.SUCCEEDED
                    : ImportResult.Outcome.UNCHANGED, outcome.rowsRead(), outcome.rowsChanged(), outcome.summary(),
                    writeReport(report, jobId, work.kind(), source.name()));
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            String reason = reason(source, e);
            report.error(reason);
            Optional<Path> written = writeReport(report, jobId, work.kind(), source.name());
            String message = reason + "; nothing was imported" + written.map(p -> " (report: " + p + ")").orElse("");
            recordFailure(connection, jobId, report, message);
            throw new ImportException(message, jobId, written.orElse(null), e);
        }
    }

    /** Marks the job FAILED; on a fresh connection when the import's own one broke. */
    private void recordFailure(Connection connection, long jobId, Report report, String summary) {
        try {
            Jobs.fail(connection, jobId, report.countOf("rows"), report.toJson(), summary);
        } catch (SQLException e) {
            database.transaction(fresh -> {
                Jobs.fail(fresh, jobId, report.countOf("rows"), report.toJson(), summary);
                return null;
            });
        }
    }

    /** Releases the job's lock; a broken connection has released it already, with its session. */
    private static void unlock(Connection connection, long jobId) {
        try {
            Locks.sessionUnlock(connection, Locks.JOB, (int) jobId);
            connection.commit();
        } catch (SQLException e) {
            LOG.debug("job {} lock released with its broken connection", jobId);
        }
    }

    private ImportResult alreadyImported(Connection connection, FileSource source, String sha256, ImportOptions options,
                                         FileImport work, Jobs.Prior prior, OptionalLong queued) throws SQLException {
        Report report = new Report().fact("kind", work.kind()).fact("file", source.path().toAbsolutePath().toString())
                .fact("sha256", sha256).fact("same as job", prior.id()).fact("by", options.actor());
        report.outcome("UNCHANGED");
        String summary = nothingToDo(source, prior);
        long jobId = queued.isPresent()
                ? Jobs.settle(connection, queued.getAsLong(), work.operatorId(), sha256, "UNCHANGED", report.toJson(),
                        summary)
                : Jobs.record(connection, work.kind(), work.operatorId(), source.name(), sha256, options.checks(),
                        options.actor(), "UNCHANGED", report.toJson(), summary);
        return new ImportResult(jobId, ImportResult.Outcome.UNCHANGED, 0, 0, summary,
                writeReport(report, jobId, work.kind(), source.name()));
    }

    private static String nothingToDo(FileSource source, Jobs.Prior prior) {
        return source.name() + ": already imported as job " + prior.id()
                + (prior.finishedAt() == null ? "" : " on " + prior.finishedAt().toLocalDate()) + "; nothing to do";
    }

    private ImportException failedBeforeStart(ImportKind kind, FileSource source, String sha256, ImportOptions options,
                                              Refused refused, OptionalLong queued) {
        Report report = new Report().fact("kind", kind).fact("file", source.path().toAbsolutePath().toString())
                .fact("sha256", sha256).fact("by", options.actor());
        report.error(refused.getMessage());
        String summary = refused.getMessage() + "; nothing was imported";
        long jobId = database.transaction(connection -> queued.isPresent()
                ? Jobs.settle(connection, queued.getAsLong(), null, sha256, "FAILED", report.toJson(), summary)
                : Jobs.record(connection, kind, null, source.name(), sha256, options.checks(), options.actor(), "FAILED",
                        report.toJson(), summary));
        Optional<Path> written = writeReport(report, jobId, kind, source.name());
        return new ImportException(summary + written.map(p -> " (report: " + p + ")").orElse(""), jobId,
                written.orElse(null), refused);
    }

    private static String reason(FileSource source, Exception e) {
        if (e instanceof Refused) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return source.explain((IOException) e);
        }
        if (e instanceof SQLException) {
            return source.name() + ": the database refused the data: " + e.getMessage();
        }
        LOG.error("import of {} failed unexpectedly", source.name(), e);
        return source.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private Optional<Path> writeReport(Report report, long jobId, ImportKind kind, String fileName) {
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(report.write(reports.get(), jobId, kind, fileName));
        } catch (IOException e) {
            LOG.warn("cannot write the report of import job {} to {}: {}", jobId, reports.get(), e.getMessage());
            return Optional.empty();
        }
    }

    private short operatorId(Operator operator) {
        return database.transaction(connection -> {
            Map<String, Short> ids = Operators.ids(connection);
            if (!ids.containsKey(operator.code())) {
                ids = Operators.sync(connection, country);
            }
            return ids.get(operator.code());
        });
    }

    static FileSource source(Path file) {
        try {
            return new FileSource(file);
        } catch (Refused e) {
            throw new ImportException(e.getMessage(), 0, null, e);
        }
    }

    static String sha256(FileSource source) {
        try {
            return source.sha256();
        } catch (Refused e) {
            throw new ImportException(e.getMessage(), 0, null, e);
        }
    }

    static String lower(ImportKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
