package org.ceir.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.store.AuditLog;
import org.ceir.store.ChangeLog;

/**
 * One operator file, all or nothing, committed once. An operator's first file of a month, when it
 * covers one day, is copied straight into a new table of its (month, operator) triplets, indexed
 * after and attached at the end; any other file is copied into an unlogged staging table and
 * merged. Either table is made in the import's transaction, so a killed process leaves nothing
 * behind. The checks are counted while the rows stream and judged before anything is merged.
 * Imports of one operator are serialised by an advisory lock; different operators' run side by
 * side.
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
        try (Statement statement = connection.createStatement()) {
            // Grouping and joining millions of staged rows wants more than the default memory.
            statement.execute("SET LOCAL work_mem = '256MB'");
            // A killed importer's backend notices within a second and rolls back, instead of
            // merging on (holding the operator's lock) until it next writes to the dead socket.
            statement.execute("SET LOCAL client_connection_check_interval = '1s'");
        }
        listener.phase(file, "reading");
        TripletLeaf straight = straightTarget(connection);
        OperatorFileReader reader = straight == null ? null : copyStraight(connection, straight);
        String stage = "ingest_stage_" + jobId;
        if (reader == null) {
            straight = null;
            reader = copyStaged(connection, stage);
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
        List<TripletLeaf> fresh = new ArrayList<>();
        TripletMerge.Counts triplets;
        ImeiMerge.Counts imeis;
        if (straight != null) {
            listener.phase(file, "indexing triplets");
            triplets = new TripletMerge.Counts(reader.rows - indexStraight(connection, straight), 0);
            fresh.add(straight);
            listener.phase(file, "merging IMEIs");
            imeis = ImeiMerge.merge(connection, "SELECT imei, first_seen, rat_bitmask FROM "
                    + straight.table(), jobId);
        } else {
            listener.phase(file, "merging triplets");
            triplets = mergeStaged(connection, stage, reader, fresh);
            listener.phase(file, "merging IMEIs");
            imeis = ImeiMerge.merge(connection, "SELECT imei, date '1970-01-01' + day AS first_seen,"
                    + " rat AS rat_bitmask FROM " + stage, jobId);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + stage);
            }
        }
        listener.phase(file, "recording");
        TripletMerge.dayStats(connection, operatorId, jobId, reader);
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
        for (TripletLeaf leaf : fresh) {
            leaf.attach(connection); // last: see TripletLeaf.attach
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

    /**
     * The table to copy the file straight into, or null: an operator's file of one day whose month
     * has no table of that operator yet is, by the file format's contract, one new triplet per
     * row. Its month's table is made now, so the new one can be attached at the end.
     */
    private TripletLeaf straightTarget(Connection connection) throws SQLException {
        if (!name.start().equals(name.end())) {
            return null;
        }
        TripletLeaf leaf = new TripletLeaf((int) name.start().withDayOfMonth(1).toEpochDay(), operatorId);
        if (leaf.exists(connection)) {
            return null;
        }
        TripletLeaf.ensureMonths(dataSource, List.of(leaf.month()));
        return leaf;
    }

    /**
     * Copies the file into a new table of its month, made in a subtransaction (which lets COPY
     * write the rows frozen); returns null, with nothing left of the attempt, when a row of another
     * month means the file must go through the staging table instead.
     */
    private OperatorFileReader copyStraight(Connection connection, TripletLeaf leaf) throws IOException, SQLException {
        Savepoint before = connection.setSavepoint();
        leaf.create(connection);
        OperatorFileReader reader = newReader();
        try (LeafCopy copy = new LeafCopy(connection, leaf)) {
            reader.read(source, copy);
            copy.finish();
        } catch (LeafCopy.OtherMonth e) {
            connection.rollback(before);
            // A row of another month: the file is read again, into the staging table. The phase is a
            // fixed word (the console names phases in the reader's language); the row is not needed.
            listener.phase(source.name(), "reading again");
            return null;
        }
        connection.releaseSavepoint(before);
        return reader;
    }

    private OperatorFileReader copyStaged(Connection connection, String stage) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(StagingCopy.create(stage));
        }
        OperatorFileReader reader = newReader();
        try (StagingCopy copy = new StagingCopy(connection, stage)) {
            reader.read(source, copy);
            copy.finish();
        }
        return reader;
    }

    private OperatorFileReader newReader() {
        return new OperatorFileReader(source.name(), name, country, operator, settings.sampleRows(), listener);
    }

    /**
     * Builds the unique key of a table filled straight from the file; when two rows turn out to be
     * one triplet (a repeated row), combines them first. Returns the rows so combined away.
     */
    private static long indexStraight(Connection connection, TripletLeaf leaf) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            leaf.index(connection);
            connection.releaseSavepoint(before);
            return 0;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(before);
        }
        long combined = TripletMerge.combineRepeats(connection, leaf);
        leaf.index(connection);
        return combined;
    }

    /**
     * Merges the staged rows month by month: into the operator's table of the month where there is
     * one, else into a new one (made, filled and indexed here, attached at the end).
     */
    private TripletMerge.Counts mergeStaged(Connection connection, String stage, OperatorFileReader reader,
                                            List<TripletLeaf> fresh) throws SQLException {
        TripletLeaf.ensureMonths(dataSource, reader.months);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + stage);
        }
        TripletMerge merge = new TripletMerge(stage);
        TripletMerge.Counts counts = new TripletMerge.Counts(0, 0);
        for (int month : reader.months) {
            TripletLeaf leaf = new TripletLeaf(month, operatorId);
            if (leaf.exists(connection)) {
                counts = counts.plus(merge.merge(connection, leaf));
            } else {
                leaf.create(connection);
                counts = counts.plus(new TripletMerge.Counts(merge.fill(connection, leaf), 0));
                leaf.index(connection);
                fresh.add(leaf);
            }
        }
        return counts;
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
}
