package org.ceir.appeals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imei;
import org.ceir.detect.ConditionConfig;
import org.ceir.detect.DetectSettings;
import org.ceir.registration.OwnerIds;
import org.ceir.store.Database;
import org.ceir.store.Operators;

/**
 * Appeals over a test database: Azerbaijan's numbering, a fixed clock (Tuesday 12 May 2026 in Baku),
 * an owner-ID key, and helpers to make a cloned IMEI with SIMs seen on it.
 */
final class AppealFixture {
    static final ZoneId BAKU = ZoneId.of("Asia/Baku");
    static final Instant NOW = Instant.parse("2026-05-12T09:00:00Z");
    static final Country COUNTRY = new Country("Azerbaijan", "400", "994", "0", 9, List.of(
            new Operator("azercell", "Azercell", "400", "01"), new Operator("bakcell", "Bakcell", "400", "02"),
            new Operator("nar", "Nar", "400", "04")), Map.of());
    static final OwnerIds OWNER_IDS = OwnerIds.withKey(new byte[32], "[0-9A-Z]{7}", "FIN");
    static final String FIN = "5ABC12K";
    static final String CLONED = "352099001761481";
    static final String OLD_IMSI = "400011111111111";
    static final String OLD_MSISDN = "994501111111";
    static final String NEW_IMSI = "400022222222222";
    static final String NEW_MSISDN = "994552222222";

    final Database database;

    AppealFixture(Database database) {
        this.database = database;
        database.transaction(c -> Operators.sync(c, COUNTRY));
    }

    static DetectSettings detectSettings() {
        return new DetectSettings(90, 30, 0, 50, List.<ConditionConfig>of());
    }

    Appeals appeals(Clock clock) {
        return new Appeals(database, AppealSettings.defaults(), OWNER_IDS, new NumberingPlan(COUNTRY),
                detectSettings(), BAKU, clock);
    }

    Appeals appeals() {
        return appeals(Clock.fixed(NOW, BAKU));
    }

    static NewAppeal numberChange(String imei, String fin) {
        return new NewAppeal(AppealKind.NUMBER_CHANGE, imei, fin, "055 222 22 22", null, "+994 55 222 22 22",
                "I changed my number; my phone stopped working", "en", List.of());
    }

    /** The IMEI is CLONE, its old SIM paired (GRANDFATHERED), and both SIMs were seen with it. */
    void cloneWithOldSim(String imei) {
        long key = Imei.parse(imei).key();
        sql("SELECT ensure_triplet_partition('2026-04-01')");
        database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO device_status (imei, status, reason, sticky, set_by)"
                    + " VALUES (?, 'CLONE', 'IMEI copied onto other phones', true, 'analyst')")) {
                s.setLong(1, key);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pairing (imei, imsi, msisdn, kind, ref, created_by)"
                    + " VALUES (?, ?, ?, 'GRANDFATHERED', 'case:1', 'analyst')")) {
                s.setLong(1, key);
                s.setString(2, OLD_IMSI);
                s.setString(3, OLD_MSISDN);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO network_triplet (triplet_month, operator_id, imei,"
                    + " imsi, msisdn, first_seen, last_seen, date_bitmask) VALUES ('2026-04-01', 1, ?, ?, ?, ?, ?, 1)")) {
                s.setLong(1, key);
                s.setString(2, OLD_IMSI);
                s.setString(3, OLD_MSISDN);
                s.setObject(4, LocalDate.of(2026, 4, 1));
                s.setObject(5, LocalDate.of(2026, 4, 20));
                s.executeUpdate();
                s.setString(2, NEW_IMSI);
                s.setString(3, NEW_MSISDN);
                s.setObject(4, LocalDate.of(2026, 4, 21));
                s.setObject(5, LocalDate.of(2026, 4, 30));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO network_imei (imei, first_seen)"
                    + " VALUES (?, '2026-04-01')")) {
                s.setLong(1, key);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The newest SMS queued to a number, and its one-time code when it carries one. */
    String lastSms(String msisdn) {
        return database.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT body FROM notification WHERE msisdn = ? ORDER BY id DESC LIMIT 1")) {
                q.setString(1, msisdn);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    String codeSentTo(String msisdn) {
        Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(lastSms(msisdn));
        if (!matcher.find()) {
            throw new AssertionError("no code in " + lastSms(msisdn));
        }
        return matcher.group(1);
    }

    List<String> strings(String sql, Object... parameters) {
        return database.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    q.setObject(i + 1, parameters[i]);
                }
                List<String> out = new ArrayList<>();
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        out.add(rows.getString(1));
                    }
                }
                return out;
            }
        });
    }

    void sql(String statement) {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
            return null;
        });
    }

    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A smallest valid PDF: one empty page. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n";
        String xref = "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
                + "0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n" + body.length() + "\n%%EOF\n";
        return (body + xref).getBytes(StandardCharsets.ISO_8859_1);
    }
}
