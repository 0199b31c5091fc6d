package org.ceir.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.store.AuditLog;
import org.ceir.store.ChangeLog;

/**
 * One operator file, all or nothing: COPY into an unlogged staging table made in the import's
 * transaction (so a killed process leaves nothing behind), judge the checks, then merge and record,
 * and commit once. Imports of one operator are serialised by an advisory lock; different
 * operators' run side by side.
 */
final class OperatorImport implements FileImport {
    private final DataSource dataSource;
    private final Country country;
    private final IngestSettings settings;
    private final ImportListener listener;
    private final FileSource source;
    private final String sha256;
    private final OperatorFileName name;
    private final Operator operator;
    private final short operatorId;
    private final ImportOptions options;

    OperatorImport(DataSource dataSource, Country country, IngestSettings settings, ImportListener listener,
                   FileSource source, String sha256, OperatorFileName name, Operator operator, short operatorId,
                   ImportOptions options) {
        this.dataSource = dataSource;
        this.country = country;
        this.settings = settings;
        this.listener = listener;
        this.source = source;
        this.sha256 = sha256;
        this.name = name;
        this.operator = operator;
        this.operatorId = operatorId;
        this.options = options;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.OPERATOR;
    }

    @Override
    public Short operatorId() {
        return operatorId;
    }

    @Override
    public int lockClass() {
        return Locks.OPERATOR;
    }

    @Override
    public int lockObject() {
        return operatorId;
    }

    @Override
    public String waitingFor() {
        return "waiting for another import of " + operator.code() + " to finish";
    }

    @Override
    public Outcome run(Connection connection, long jobId, Report report) throws IOException, SQLException {
        String file = source.name();
        report.fact("operator", operator.code() + " (" + operator.mcc() + "-" + operator.mnc() + ")")
                .fact("dates", name.start() + " to " + name.end());
        String stage = "ingest_stage_" + jobId;
        try (Statement statement = connection.createStatement()) {
            // Sorting and grouping millions of staged rows wants more than the default memory.
            statement.execute("SET LOCAL work_mem = '256MB'");
            // A killed importer's backend notices within a second and rolls back, instead of
            // merging on (holding the operator's lock) until it next writes to the dead socket.
            statement.execute("SET LOCAL client_connection_check_interval = '1s'");
            statement.execute(TripletMerge.createStage(stage));
        }
        listener.phase(file, "reading");
        OperatorFileReader reader = new OperatorFileReader(file, name, country, operator, settings.sampleRows(), listener);
        try (CopyWriter copy = new CopyWriter(connection,
                "COPY " + stage + " (" + OperatorFileReader.COLUMNS + ") FROM STDIN")) {
            reader.read(source, copy);
            copy.finish();
        }
        if (!source.sha256OfWhatWasRead().equals(sha256)) {
            throw new Refused(file + " changed while it was being imported; import it again once it is complete");
        }
        countInto(report, reader);

        List<Report.Check> failed = new OperatorChecks(settings, options.checks(), report)
                .judge(connection, operatorId, name, reader, LocalDate.now());
        if (!failed.isEmpty()) {
            Report.Check first = failed.get(0);
            throw new Refused(file + " failed " + failed.size() + " check" + (failed.size() == 1 ? "" : "s")
                    + ", first " + first.name() + ": " + first.detail());
        }

        listener.phase(file, "merging");
        ensurePartitions(reader);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + stage);
        }
        listener.phase(file, "merging triplets");
        TripletMerge merge = new TripletMerge(stage);
        long tripletsInserted = 0;
        long tripletsUpdated = 0;
        for (int month : reader.months) {
            TripletMerge.Counts counts = merge.triplets(connection, operatorId, month);
            tripletsInserted += counts.inserted();
            tripletsUpdated += counts.updated();
        }
        TripletMerge.Counts triplets = new TripletMerge.Counts(tripletsInserted, tripletsUpdated);
        listener.phase(file, "merging IMEIs");
        TripletMerge.ImeiCounts imeis = merge.imeis(connection, jobId);
        listener.phase(file, "recording");
        TripletMerge.dayStats(connection, operatorId, jobId, reader);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + stage);
        }
        report.count("triplets inserted", triplets.inserted())
                .count("triplets updated", triplets.updated())
                .count("IMEIs new", imeis.inserted())
                .count("IMEIs first seen earlier", imeis.firstSeenMoved())
                .count("IMEIs otherwise updated", imeis.otherwiseUpdated());
        long changed = triplets.inserted() + triplets.updated() + imeis.changed();
        if (imeis.changed() > 0) {
            ChangeLog.append(connection, -1, "NETWORK_IMPORT", Json.object("import_job", jobId));
        }
        if (changed > 0) {
            AuditLog.append(connection, options.actor(), "IMPORT_OPERATOR_DATA", "import_job:" + jobId, null,
                    Json.object("file", file, "sha256", sha256, "operator", operator.code(), "rows", reader.rows,
                            "checks", options.checks(), "triplets_inserted", triplets.inserted(),
                            "triplets_updated", triplets.updated(), "imeis_new", imeis.inserted(),
                            "imeis_first_seen_moved", imeis.firstSeenMoved()), null);
        }
        String summary = changed == 0
                ? String.format(Locale.ROOT, "%s: nothing changed: all %,d rows were already in the store (job %d)",
                        file, reader.rows, jobId)
                : String.format(Locale.ROOT, "%s: %,d rows imported as job %d: %,d new and %,d updated triplets,"
                                + " %,d new IMEIs, %,d first seen earlier%s", file, reader.rows, jobId,
                        triplets.inserted(), triplets.updated(), imeis.inserted(), imeis.firstSeenMoved(),
                        options.checks() ? "" : " (checks off)");
        LocalDate first = LocalDate.ofEpochDay(reader.days.firstKey());
        LocalDate last = LocalDate.ofEpochDay(reader.days.lastKey());
        return new Outcome(changed > 0, reader.rows, changed, first, last, summary);
    }

    private static void countInto(Report report, OperatorFileReader reader) {
        report.count("rows", reader.rows)
                .count("days", reader.days.size())
                .count("IMEI empty", reader.imeiEmpty.count())
                .count("IMEI unusable (kept as -1)", reader.imeiUnusable.count())
                .count("IMSI empty", reader.imsiEmpty.count())
                .count("IMSI unparseable", reader.imsiUnparseable.count())
                .count("IMSI foreign", reader.imsiForeign.count())
                .count("IMSI off the operator's network", reader.imsiOffNetwork.count())
                .count("MSISDN empty", reader.msisdnEmpty.count())
                .count("MSISDN unparseable", reader.msisdnUnparseable.count())
                .count("MSISDN foreign", reader.msisdnForeign.count())
                .count("RAT unparseable", reader.ratUnparseable.count())
                .count("rows outside the name's dates", reader.outsideRange.count());
    }

    /**
     * Creates the monthly partitions the file needs, in a short transaction of its own: creating a
     * partition locks the whole triplet table, which must not be held for the rest of an import.
     * An empty partition is not data; it stays if the import is then refused.
     */
    private void ensurePartitions(OperatorFileReader reader) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Locks.transactionLock(connection, Locks.PARTITION, 0);
                try (PreparedStatement ensure = connection.prepareStatement("SELECT ensure_triplet_partition(?)")) {
                    for (int month : reader.months) {
                        ensure.setObject(1, LocalDate.ofEpochDay(month));
                        ensure.execute();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
