package org.ceir.sbi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.identity.Imei;

/**
 * A small register for the tests: an outcome per IMEI, GREYLISTED for the rest, and a clone that
 * only its paired IMSI may use. Remembers the last check it was asked, as it was asked.
 */
final class FakeCheck implements EquipmentCheck {
    /** What one check was asked. */
    record Asked(String imei, String imsi, String msisdn, String operator) {
    }

    private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<Long, String> pairedImsi = new ConcurrentHashMap<>();
    private final AtomicReference<Asked> last = new AtomicReference<>();
    private volatile RuntimeException failure;

    FakeCheck with(String imei15, Outcome outcome) {
        outcomes.put(Imei.networkKey(imei15), outcome);
        return this;
    }

    FakeCheck clone(String imei15, String pairedImsi) {
        this.pairedImsi.put(Imei.networkKey(imei15), pairedImsi);
        return this;
    }

    /** Makes every check throw, as a broken engine would. */
    FakeCheck failing(RuntimeException e) {
        failure = e;
        return this;
    }

    Asked last() {
        return last.get();
    }

    @Override
    public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
        last.set(new Asked(imei.toString(), imsi == null ? null : imsi.toString(),
                msisdn == null ? null : msisdn.toString(), operator));
        if (failure != null) {
            throw failure;
        }
        long key = Imei.networkKey(imei);
        if (key == Imei.UNUSABLE) {
            return Verdict.of(Outcome.GREYLISTED, CheckReason.MALFORMED_IMEI, 0);
        }
        String paired = pairedImsi.get(key);
        if (paired != null) {
            if (imsi == null) {
                return Verdict.of(Outcome.BLACKLISTED, CheckReason.CLONE_NO_IMSI, 0);
            }
            return paired.contentEquals(imsi) ? Verdict.of(Outcome.WHITELISTED, CheckReason.CLONE_PAIRED_SIM, 0)
                    : Verdict.of(Outcome.BLACKLISTED, CheckReason.CLONE_UNPAIRED_SIM, 0);
        }
        Outcome outcome = outcomes.getOrDefault(key, Outcome.GREYLISTED);
        return Verdict.of(outcome, outcome == Outcome.WHITELISTED ? CheckReason.REGISTERED
                : outcome == Outcome.BLACKLISTED ? CheckReason.STOLEN : CheckReason.UNREGISTERED_GRACE, 12);
    }

    @Override
    public DeviceState describe(long imei) {
        return new DeviceState(imei, false, pairedImsi.containsKey(imei), false,
                outcomes.get(imei) == Outcome.WHITELISTED, false, pairedImsi.containsKey(imei) ? 1 : 0,
                Optional.of(LocalDate.of(2026, 1, 1)), Optional.empty());
    }
}
