package org.ceir.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.ceir.core.identity.Tac;
import org.ceir.store.AuditLog;
import org.ceir.store.ChangeLog;

/**
 * The GSMA TAC catalogue: pipe-separated, columns by name. Merged into {@code tac_model} (new
 * TACs added, changed ones updated; TACs missing from the file are kept, because the GSMA's file
 * only grows; an optional column left empty or absent keeps what the catalogue knew). Changes append one {@code TAC_IMPORT} row to the change log, for consumers that
 * judge by model.
 */
final class TacImport implements FileImport {
    static final List<String> REQUIRED = List.of("tac", "manufacturer", "model_name", "bands", "allocation_date",
            "device_type");
    static final List<String> OPTIONAL = List.of("radio_interface", "brand_name", "marketing_name", "operating_system");
    private static final String EXPECTED = "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type"
            + "[|Radio_Interface|Brand_Name|Marketing_Name|Operating_System]";

    private final FileSource source;
    private final String sha256;
    private final ImportOptions options;
    private final IngestSettings settings;
    private final ImportListener listener;

    TacImport(FileSource source, String sha256, ImportOptions options, IngestSettings settings, ImportListener listener) {
        this.source = source;
        this.sha256 = sha256;
        this.options = options;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.TAC;
    }

    @Override
    public Short operatorId() {
        return null;
    }

    @Override
    public int lockClass() {
        return Locks.LIST;
    }

    @Override
    public int lockObject() {
        return ImportKind.TAC.ordinal();
    }

    @Override
    public String waitingFor() {
        return "waiting for another TAC import to finish";
    }

    @Override
    public Outcome run(Connection connection, long jobId, Report report) throws IOException, SQLException {
        String stage = "ingest_stage_" + jobId;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + stage + " (line bigint, tac int, manufacturer text, model_name text,"
                    + " marketing_name text, brand_name text, bands text, allocation_date date, device_type text,"
                    + " radio_interface text, operating_system text, rat_bitmask int) ON COMMIT DROP");
        }
        listener.phase(source.name(), "reading");
        Tally errors = new Tally(settings.sampleRows());
        long rows = 0;
        try (InputStream in = source.open();
             CopyWriter copy = new CopyWriter(connection, "COPY " + stage + " FROM STDIN")) {
            LineReader lines = new LineReader(in);
            Fields fields = new Fields('|');
            Header header = Header.read(lines, fields, source.name(), REQUIRED, OPTIONAL, true, EXPECTED);
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                rows++;
                int n = fields.split(lines.buffer(), lines.start(), lines.end());
                if (n != header.count()) {
                    errors.add(lines.lineNumber(), n + " field(s) where the header has " + header.count() + ": " + lines.text());
                    continue;
                }
                try {
                    int tac = Tac.parse(fields.text(header.index("tac"))).value();
                    String manufacturer = required(fields, header, "manufacturer");
                    String model = required(fields, header, "model_name");
                    LocalDate allocated = ListDates.parse(fields.text(header.index("allocation_date")));
                    String bands = optional(fields, header, "bands");
                    String radios = optional(fields, header, "radio_interface");
                    copy.number(lines.lineNumber()).number(tac).text(manufacturer).text(model)
                            .text(optional(fields, header, "marketing_name")).text(optional(fields, header, "brand_name"))
                            .text(bands).text(allocated == null ? null : allocated.toString())
                            .text(optional(fields, header, "device_type")).text(radios)
                            .text(optional(fields, header, "operating_system"))
                            .number(TacRadios.bitmask(bands, radios));
                    copy.endRow();
                } catch (IllegalArgumentException e) { // InvalidIdentityException too
                    errors.add(lines.lineNumber(), e.getMessage() + ": " + lines.text());
                }
                if (rows % 65_536 == 0) {
                    listener.progress(source.name(), source.bytesRead(), source.size(), rows);
                }
            }
            source.drain();
            copy.finish();
        }
        listener.progress(source.name(), source.size(), source.size(), rows);
        if (!source.sha256OfWhatWasRead().equals(sha256)) {
            throw new Refused(source.name() + " changed while it was being imported; import it again once it is complete");
        }
        report.count("rows", rows).count("row errors", errors.count());
        ListImport.refuseRowErrors(source.name(), errors, report);
        if (rows == 0) {
            throw new Refused(source.name() + " has a header but no rows");
        }
        listener.phase(source.name(), "merging");
        long inserted;
        long updated;
        try (PreparedStatement merge = connection.prepareStatement("WITH merged AS ("
                + " INSERT INTO tac_model AS t (tac, manufacturer, model_name, marketing_name, brand_name, bands,"
                + "   allocation_date, device_type, radio_interface, operating_system, rat_bitmask)"
                + " SELECT DISTINCT ON (tac) tac, manufacturer, model_name, marketing_name, brand_name, bands,"
                + "   allocation_date, device_type, radio_interface, operating_system, rat_bitmask"
                + " FROM " + stage + " ORDER BY tac, line DESC"
                + " ON CONFLICT (tac) DO UPDATE SET manufacturer = excluded.manufacturer, model_name = excluded.model_name,"
                + "   marketing_name = coalesce(excluded.marketing_name, t.marketing_name),"
                + "   brand_name = coalesce(excluded.brand_name, t.brand_name), bands = excluded.bands,"
                + "   allocation_date = excluded.allocation_date, device_type = excluded.device_type,"
                + "   radio_interface = coalesce(excluded.radio_interface, t.radio_interface),"
                + "   operating_system = coalesce(excluded.operating_system, t.operating_system),"
                + "   rat_bitmask = excluded.rat_bitmask"
                + " WHERE (t.manufacturer, t.model_name, t.marketing_name, t.brand_name, t.bands, t.allocation_date,"
                + "   t.device_type, t.radio_interface, t.operating_system, t.rat_bitmask) IS DISTINCT FROM"
                + "   (excluded.manufacturer, excluded.model_name, coalesce(excluded.marketing_name, t.marketing_name),"
                + "   coalesce(excluded.brand_name, t.brand_name), excluded.bands, excluded.allocation_date,"
                + "   excluded.device_type, coalesce(excluded.radio_interface, t.radio_interface),"
                + "   coalesce(excluded.operating_system, t.operating_system), excluded.rat_bitmask)"
                + " RETURNING xmax = 0 AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged");
             ResultSet row = merge.executeQuery()) {
            row.next();
            inserted = row.getLong(1);
            updated = row.getLong(2);
        }
        report.count("TACs new", inserted).count("TACs updated", updated);
        long changed = inserted + updated;
        if (changed > 0) {
            ChangeLog.append(connection, -1, "TAC_IMPORT", Json.object("import_job", jobId));
            AuditLog.append(connection, options.actor(), "IMPORT_TAC", "import_job:" + jobId, null,
                    Json.object("file", source.name(), "sha256", sha256, "rows", rows, "tacs_new", inserted,
                            "tacs_updated", updated), null);
        }
        String summary = changed == 0
                ? String.format(Locale.ROOT, "%s: nothing changed: all %,d TACs were already in the catalogue (job %d)",
                        source.name(), rows, jobId)
                : String.format(Locale.ROOT, "%s: %,d rows imported as job %d: %,d new TACs, %,d updated",
                        source.name(), rows, jobId, inserted, updated);
        return new Outcome(changed > 0, rows, changed, null, null, summary);
    }

    private static String required(Fields fields, Header header, String column) {
        String value = fields.text(header.index(column)).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    private static String optional(Fields fields, Header header, String column) {
        int index = header.index(column);
        if (index < 0) {
            return null;
        }
        String value = fields.text(index).strip();
        return value.isEmpty() ? null : value;
    }
}
