package org.ceir.app.demo;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.ceir.app.RegistrationServices;
import org.ceir.appeals.AppealKind;
import org.ceir.appeals.Appeals;
import org.ceir.appeals.NewAppeal;
import org.ceir.core.identity.Imei;
import org.ceir.registration.Registrations;
import org.ceir.store.Database;

/**
 * What people do in the demo, through the same services the console and the CLI use: a clerk at a
 * post office files appeals about confirmed clones and an analyst decides some (one approved number
 * change, one rejected, one under review, one waiting), and a clerk registers a few phones still in
 * their grace period and takes their duty. Names and IDs are made up from the seed.
 */
final class Citizens {
    static final String CLERK = "demo-clerk";
    static final String OFFICE = "AZ1000";
    static final String ANALYST = "demo-analyst";

    /** What the citizens' step did, for the demo to print. */
    record Done(List<String> appeals, List<Long> appealedImeis, List<String> registrations, BigDecimal duty,
                String currency) {
    }

    private final Database database;
    private final Appeals appeals;
    private final RegistrationServices registration;
    private final String countryCode;
    private final Random random;

    Citizens(Database database, Appeals appeals, RegistrationServices registration, String countryCode, long seed) {
        this.database = database;
        this.appeals = appeals;
        this.registration = registration;
        this.countryCode = countryCode;
        this.random = new Random(seed);
    }

    Done act(LocalDate today, int graceDays) {
        List<String> filed = new ArrayList<>();
        List<Long> appealed = new ArrayList<>();
        // The clones with the fewest SIMs, and never the one with the most: that one is left for people to try.
        List<long[]> clones = query("SELECT s.imei FROM device_status s"
                + " JOIN LATERAL (SELECT count(*) AS sims, count(p.msisdn) AS numbers FROM pairing p"
                + "   WHERE p.imei = s.imei AND p.removed_at IS NULL) p ON true"
                + " WHERE s.status = 'CLONE' AND p.numbers > 0"
                + " ORDER BY p.sims, s.imei LIMIT GREATEST(0, LEAST(4, (SELECT count(*) - 1 FROM device_status WHERE status = 'CLONE')))");
        AppealKind[] kinds = {AppealKind.NUMBER_CHANGE, AppealKind.NUMBER_CHANGE, AppealKind.ORIGINAL_OWNER,
            AppealKind.OTHER};
        String[] statements = {"I changed my number last month and my phone stopped working.",
            "My phone stopped working with my new SIM.", "I bought this phone in a shop and registered it; others copied it.",
            "My phone says it is blocked; I do not know why."};
        for (int i = 0; i < clones.size(); i++) {
            long imei = clones.get(i)[0];
            String contact = pairedNumber(imei);
            String newSim = i < 3 ? newImsi() : null;
            String newNumber = i < 3 ? "+" + countryCode + "50" + digits(7) : null;
            var appeal = appeals.fileAtPostOffice(new NewAppeal(kinds[i], Imei.ofKey(imei).toString(), fin(),
                    "+" + contact, newSim, newNumber, statements[i], i % 2 == 0 ? "az" : "en", List.of()), CLERK, OFFICE);
            appealed.add(imei);
            String tracking = appeal.tracking();
            String outcome;
            switch (i) {
                case 0 -> {
                    appeals.review(tracking, ANALYST);
                    appeals.approve(tracking, ANALYST, "number change: the new SIM appears after the old one stopped,"
                            + " the owner's ID matches the registration", Appeals.Approval.asClaimed());
                    outcome = "approved (number change: the new SIM paired)";
                }
                case 1 -> {
                    appeals.review(tracking, ANALYST);
                    appeals.reject(tracking, ANALYST, "the SIM named was never seen with this IMEI; the first SIM on it"
                            + " belongs to someone else");
                    outcome = "rejected";
                }
                case 2 -> {
                    appeals.review(tracking, ANALYST);
                    outcome = "under review, left for an analyst";
                }
                default -> outcome = "received, waiting for an analyst";
            }
            filed.add(String.format(Locale.ROOT, "%s  %-14s IMEI %s: %s", tracking, kinds[i], Imei.ofKey(imei), outcome));
        }

        List<String> registered = new ArrayList<>();
        BigDecimal duty = BigDecimal.ZERO;
        String currency = registration.settings().currency();
        List<long[]> unregistered = query("SELECT n.imei FROM network_imei n WHERE n.imei >= 0 AND n.first_seen >= '"
                + today.minusDays(graceDays - 1L) + "'::date"
                + " AND NOT EXISTS (SELECT 1 FROM registration_imei ri WHERE ri.imei = n.imei AND NOT ri.cancelled)"
                + " AND NOT EXISTS (SELECT 1 FROM device_status d WHERE d.imei = n.imei)"
                + " AND EXISTS (SELECT 1 FROM tac_model t WHERE t.tac = n.imei / 1000000)"
                + " ORDER BY n.first_seen, n.imei LIMIT 3");
        for (long[] row : unregistered) {
            Registrations.Registration r = registration.registrations().registerPhone(new Registrations.PhoneApplication(
                    fin(), "Demo Owner " + (registered.size() + 1), "+" + countryCode + "55" + digits(7), null,
                    List.of(Imei.ofKey(row[0]).toString()), new BigDecimal(200 + random.nextInt(900))), CLERK);
            if ("PENDING_PAYMENT".equals(r.status())) {
                var receipt = registration.payments().confirmByClerk(r.reference(), Optional.empty(), Optional.empty(),
                        CLERK);
                duty = duty.add(receipt.amount());
            }
            registered.add(String.format(Locale.ROOT, "%s  IMEI %s  %s %s: duty %s %s, paid", r.reference(),
                    Imei.ofKey(row[0]), r.make(), r.model(), r.duty() == null ? "0" : r.duty().toPlainString(),
                    r.currency()));
        }
        return new Done(filed, appealed, registered, duty, currency);
    }

    private String pairedNumber(long imei) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT msisdn FROM pairing WHERE imei = ?"
                    + " AND removed_at IS NULL AND msisdn IS NOT NULL ORDER BY id LIMIT 1")) {
                query.setLong(1, imei);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private List<long[]> query(String sql) {
        return database.transaction(connection -> {
            List<long[]> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new long[] {result.getLong(1)});
                }
            }
            return rows;
        });
    }

    /** A made-up FIN: seven letters and digits. */
    private String fin() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder fin = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            fin.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return fin.toString();
    }

    /** The applicant's new SIM, of the first operator: made up, as the simulation has no SIM bought after it ends. */
    private String newImsi() {
        return "40001" + digits(10);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
