package org.ceir.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.identity.Imei;

/** A register in a map, standing in for the eir engine: states for people, verdicts for networks. */
final class FakeCheck implements EquipmentCheck {
    private final Map<Long, DeviceState> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> verdicts = new ConcurrentHashMap<>();
    volatile String lastOperator;

    FakeCheck state(DeviceState state) {
        states.put(state.imei(), state);
        return this;
    }

    /** The verdict for an IMEI key and IMSI (null: any or none). */
    FakeCheck verdict(long imei, String imsi, Outcome outcome, CheckReason reason, int daysLeft) {
        verdicts.put(imei + "/" + imsi, Verdict.of(outcome, reason, daysLeft));
        return this;
    }

    @Override
    public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
        lastOperator = operator;
        long key = Imei.networkKey(imei);
        if (key == Imei.UNUSABLE) {
            return Verdict.of(Outcome.GREYLISTED, CheckReason.MALFORMED_IMEI, 0);
        }
        Integer verdict = verdicts.get(key + "/" + imsi);
        if (verdict == null) {
            verdict = verdicts.get(key + "/null");
        }
        return verdict != null ? verdict : Verdict.of(Outcome.GREYLISTED, CheckReason.FIRST_SEEN, 0);
    }

    @Override
    public DeviceState describe(long imei) {
        return states.getOrDefault(imei, new DeviceState(imei, false, false, false, false, false, 0,
                Optional.empty(), Optional.empty()));
    }

    static DeviceState registered(long imei) {
        return new DeviceState(imei, false, false, false, true, false, 0, Optional.of(LocalDate.of(2026, 1, 5)),
                Optional.empty());
    }

    static DeviceState clone(long imei) {
        return new DeviceState(imei, false, true, false, false, false, 2, Optional.of(LocalDate.of(2025, 11, 1)),
                Optional.empty());
    }

    static DeviceState stolen(long imei) {
        return new DeviceState(imei, true, false, false, true, false, 0, Optional.of(LocalDate.of(2025, 6, 1)),
                Optional.empty());
    }

    static DeviceState unregistered(long imei, LocalDate firstSeen, LocalDate graceEnds) {
        return new DeviceState(imei, false, false, false, false, false, 0, Optional.of(firstSeen),
                Optional.of(graceEnds));
    }
}
