package org.ceir.diameter;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;

/**
 * A small EquipmentCheck for tests: a table from IMEI to outcome (WHITELISTED when absent), and
 * a record of what the last check was asked. The real engine lives in the eir module.
 */
final class TableCheck implements EquipmentCheck {
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger checks = new AtomicInteger();
    private volatile String lastImsi;
    private volatile String lastOperator;
    private volatile RuntimeException failure;

    TableCheck with(String imei, Outcome outcome) {
        outcomes.put(imei, outcome);
        return this;
    }

    /** Makes every check throw, as a broken engine would. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
        checks.incrementAndGet();
        lastImsi = imsi == null ? null : imsi.toString();
        lastOperator = operator;
        if (failure != null) {
            throw failure;
        }
        Outcome outcome = outcomes.getOrDefault(imei.toString(), Outcome.WHITELISTED);
        return Verdict.of(outcome, outcome == Outcome.WHITELISTED ? CheckReason.REGISTERED : CheckReason.STOLEN, 0);
    }

    @Override
    public DeviceState describe(long imei) {
        return new DeviceState(imei, false, false, false, true, false, 0, Optional.of(LocalDate.EPOCH),
                Optional.empty());
    }

    int checks() {
        return checks.get();
    }

    String lastImsi() {
        return lastImsi;
    }

    String lastOperator() {
        return lastOperator;
    }
}
