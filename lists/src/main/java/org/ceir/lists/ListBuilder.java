package org.ceir.lists;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imsi;
import org.ceir.eir.RegisterWalk;

/**
 * Turns the check engine's decisions into the three lists, row by row, into one {@link ListSink}
 * per file:
 * <ul>
 *   <li>blacklist: every IMEI the engine blacklists when asked without an IMSI (stolen, clones,
 *       unregistered after the grace period…), with its block date and the engine's reason;</li>
 *   <li>exceptions: the pairings of those IMEIs that the engine lets through when asked with the
 *       paired SIM (a clone's paired SIMs), routed to the SIM's operator;</li>
 *   <li>notifications: every IMEI inside a grace period, once per SIM seen with it on a network,
 *       routed to the SIM's operator, with the day it will be blocked.</li>
 * </ul>
 * A SIM that belongs to no home operator (a number-only pairing, a foreign or unusable IMSI) goes
 * to every operator's list: any network may meet it. A roamer's SIM gets no notification when the
 * engine exempts roamers, since the engine lets it through. An IMEI in grace with no SIM to tell
 * is listed once for every operator with an empty IMSI and number, so that the lists hold every
 * IMEI the engine greylists for want of registration.
 */
final class ListBuilder implements RegisterWalk.Visitor {
    private static final int TRIPLET_CHUNK = 10_000;
    private static final Comparator<ListEntry> FILE_ORDER = ListEntry::compareKey;

    private final ZoneId zone;
    private final int graceDays;
    private final boolean exemptRoamers;
    private final NumberingPlan plan;
    private final ListSink blacklist;
    private final Map<String, ListSink> notifications;
    private final Map<String, ListSink> exceptions;
    private final LongArrayList graceImeis = new LongArrayList();
    private final IntArrayList graceBlockDays = new IntArrayList();
    private final List<ListEntry> pending = new ArrayList<>();
    private final LocalDate today;

    ListBuilder(LocalDate today, ZoneId zone, int graceDays, boolean exemptRoamers, NumberingPlan plan,
                ListSink blacklist, Map<String, ListSink> notifications, Map<String, ListSink> exceptions) {
        this.today = today;
        this.zone = zone;
        this.graceDays = graceDays;
        this.exemptRoamers = exemptRoamers;
        this.plan = plan;
        this.blacklist = blacklist;
        this.notifications = notifications;
        this.exceptions = exceptions;
    }

    @Override
    public void visit(RegisterWalk.Device device) throws SQLException {
        int verdict = device.verdict();
        CheckReason reason = Verdict.reason(verdict);
        if (reason == CheckReason.UNREGISTERED_GRACE) {
            graceImeis.add(device.imei());
            graceBlockDays.add(device.firstSeenDay() + graceDays);
            return;
        }
        if (Verdict.outcome(verdict) != Outcome.BLACKLISTED) {
            return;
        }
        blacklist.accept(new ListEntry(ListKind.BLACKLIST, "", device.imei(), "", "", blockDate(device, reason),
                reasonCode(reason)));
        pending.clear();
        for (RegisterWalk.Pairing pairing : device.pairings()) {
            if (Verdict.outcome(pairing.verdict()) == Outcome.BLACKLISTED) {
                continue;
            }
            for (String operator : routes(pairing.imsi(), false)) {
                pending.add(new ListEntry(ListKind.EXCEPTIONS, operator, device.imei(), blank(pairing.imsi()),
                        blank(pairing.msisdn()), null, ""));
            }
        }
        pending.sort(FILE_ORDER);
        for (ListEntry entry : pending) {
            exceptions.get(entry.operator()).accept(entry);
        }
    }

    /** IMEIs the walk found inside a grace period. */
    long graceCount() {
        return graceImeis.size();
    }

    /**
     * Writes the notification lists: the SIMs seen with each IMEI in grace, read from the network
     * triplets of the grace window (an IMEI in grace was first seen inside it, so all its
     * triplets are there).
     */
    void notifications(Connection connection) throws SQLException {
        LocalDate windowStart = today.minusDays(Math.max(graceDays, 1)).withDayOfMonth(1);
        long[] imeis = graceImeis.toLongArray();
        int[] blockDays = graceBlockDays.toIntArray();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT imei, coalesce(imsi, '') COLLATE \"C\" AS imsi, coalesce(msisdn, '') COLLATE \"C\" AS msisdn"
                        + " FROM network_triplet WHERE triplet_month >= ? AND imei = ANY (?) ORDER BY imei, imsi, msisdn")) {
            for (int from = 0; from < imeis.length; from += TRIPLET_CHUNK) {
                int to = Math.min(imeis.length, from + TRIPLET_CHUNK);
                Long[] boxed = new Long[to - from];
                for (int i = from; i < to; i++) {
                    boxed[i - from] = imeis[i];
                }
                Array keys = connection.createArrayOf("bigint", boxed);
                query.setObject(1, windowStart);
                query.setArray(2, keys);
                query.setFetchSize(20_000);
                int next = from;
                boolean nextListed = false;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long imei = rows.getLong(1);
                        while (imeis[next] != imei) {
                            unseen(imeis[next], blockDays[next], nextListed);
                            next++;
                            nextListed = false;
                        }
                        LocalDate blockDate = LocalDate.ofEpochDay(blockDays[next]);
                        for (String operator : routes(rows.getString(2), true)) {
                            notifications.get(operator).accept(new ListEntry(ListKind.NOTIFICATIONS, operator, imei,
                                    rows.getString(2), rows.getString(3), blockDate, reasonCode(CheckReason.UNREGISTERED_GRACE)));
                            nextListed = true;
                        }
                    }
                }
                for (; next < to; next++) {
                    unseen(imeis[next], blockDays[next], nextListed);
                    nextListed = false;
                }
                keys.free();
            }
        }
    }

    /** An IMEI in grace that no row of the notifications named: listed once per operator, without a SIM. */
    private void unseen(long imei, int blockDay, boolean listed) throws SQLException {
        if (listed) {
            return;
        }
        for (Map.Entry<String, ListSink> sink : notifications.entrySet()) {
            sink.getValue().accept(new ListEntry(ListKind.NOTIFICATIONS, sink.getKey(), imei, "", "",
                    LocalDate.ofEpochDay(blockDay), reasonCode(CheckReason.UNREGISTERED_GRACE)));
        }
    }

    /**
     * The operators whose list gets a row for this SIM: its home operator, every operator when it
     * has none, and none for a roamer's SIM in a notification when the engine exempts roamers.
     */
    private List<String> routes(String imsi, boolean notification) {
        if (imsi != null && !imsi.isEmpty()) {
            Optional<Operator> home = Optional.empty();
            boolean usable = imsi.length() >= 6 && imsi.length() <= 15 && imsi.chars().allMatch(Character::isDigit);
            if (usable) {
                Imsi parsed = new Imsi(imsi);
                home = plan.operatorOf(parsed);
                if (home.isEmpty() && notification && exemptRoamers && !plan.isHome(parsed)) {
                    return List.of();
                }
            }
            if (home.isPresent() && notifications.containsKey(home.get().code())) {
                return List.of(home.get().code());
            }
        }
        return List.copyOf(notifications.keySet());
    }

    /**
     * The day the IMEI was (or is) blocked from: when its status was set for a stolen or cloned
     * IMEI; the first day after the grace period for an unregistered one; else the day it was
     * first seen, or today for an IMEI never seen.
     */
    private LocalDate blockDate(RegisterWalk.Device device, CheckReason reason) {
        switch (reason) {
            case STOLEN:
                return since(device.statuses(), "STOLEN");
            case CLONE_NO_IMSI:
            case CLONE_UNPAIRED_SIM:
                return since(device.statuses(), "CLONE");
            case UNREGISTERED_EXPIRED:
                return LocalDate.ofEpochDay(device.firstSeenDay() + (long) graceDays);
            default:
                return device.firstSeenDay() >= 0 ? LocalDate.ofEpochDay(device.firstSeenDay()) : today;
        }
    }

    private LocalDate since(Map<String, Instant> statuses, String status) {
        Instant since = statuses.get(status);
        return since == null ? today : since.atZone(zone).toLocalDate();
    }

    /**
     * The reason a list gives, a stable code an operator's system can act on: {@code STOLEN},
     * {@code CLONE} (only the SIMs of the exceptions list may use it), {@code NOT_REGISTERED},
     * {@code UNALLOCATED_TAC}, or the engine's own reason name for a verdict a regulator configured.
     */
    static String reasonCode(CheckReason reason) {
        switch (reason) {
            case CLONE_NO_IMSI:
            case CLONE_UNPAIRED_SIM:
                return "CLONE";
            case UNREGISTERED_EXPIRED:
            case UNREGISTERED_GRACE:
                return "NOT_REGISTERED";
            default:
                return reason.name();
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    /** Sinks for every operator's list of one kind, in operator order. */
    static Map<String, ListSink> sinks(Connection reader, ListKind list, List<String> operators,
                                       EntryStore.Appender appender, LongArrayList removed) throws SQLException {
        Map<String, ListSink> sinks = new LinkedHashMap<>();
        String[] sorted = operators.toArray(new String[0]);
        Arrays.sort(sorted);
        for (String operator : sorted) {
            sinks.put(operator, new ListSink(reader, list, operator, appender, removed));
        }
        return sinks;
    }
}
