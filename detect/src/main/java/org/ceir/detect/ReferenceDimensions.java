package org.ceir.detect;

import java.util.EnumSet;
import java.util.Set;

import org.ceir.core.network.Rat;

/** The dimensions that compare an IMEI with reference data rather than with its own traffic. */
final class ReferenceDimensions {
    private ReferenceDimensions() {
    }

    /**
     * DIRBS's {@code malformed_imei}: an IMEI whose first 14 characters are not digits. Such a
     * value has no key in ceir (it is stored as unusable, {@code imei = -1}), so it matches no
     * keyed IMEI: a run counts the unusable values of its window in its report instead.
     */
    record MalformedImei() implements Dimension {
        @Override
        public String name() {
            return "malformed_imei";
        }

        @Override
        public Period period() {
            return null;
        }

        @Override
        public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
            return false;
        }
    }

    /** DIRBS's {@code gsma_not_found}: the IMEI's TAC is not in the TAC catalogue. */
    record GsmaNotFound() implements Dimension {
        @Override
        public String name() {
            return "gsma_not_found";
        }

        @Override
        public Period period() {
            return null;
        }

        @Override
        public Set<Lookup> lookups() {
            return EnumSet.of(Lookup.TAC_CATALOGUE);
        }

        @Override
        public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
            return !lookups.tacRats.containsKey((int) (history.imei / 1_000_000L));
        }
    }

    /** DIRBS's {@code not_on_registration_list}: no active registration holds the IMEI. */
    record NotOnRegistrationList() implements Dimension {
        @Override
        public String name() {
            return "not_on_registration_list";
        }

        @Override
        public Period period() {
            return null;
        }

        @Override
        public Set<Lookup> lookups() {
            return EnumSet.of(Lookup.REGISTRATIONS);
        }

        @Override
        public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
            return !lookups.registered.contains(history.imei);
        }
    }

    /** DIRBS's {@code stolen_list}: the IMEI has the STOLEN status. */
    record StolenList() implements Dimension {
        @Override
        public String name() {
            return "stolen_list";
        }

        @Override
        public Period period() {
            return null;
        }

        @Override
        public Set<Lookup> lookups() {
            return EnumSet.of(Lookup.STOLEN);
        }

        @Override
        public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
            return lookups.stolen.contains(history.imei);
        }
    }

    /**
     * DIRBS's {@code inconsistent_rat}: inside the window the IMEI was seen on a generation of radio
     * (2G, 3G, 4G, and 5G, which DIRBS predates) that its model, as the TAC catalogue describes it,
     * does not have. IMEIs whose TAC is unknown or whose model lists no radios do not match.
     */
    record InconsistentRat() implements Dimension {
        @Override
        public String name() {
            return "inconsistent_rat";
        }

        @Override
        public Period period() {
            return null;
        }

        @Override
        public Set<Lookup> lookups() {
            return EnumSet.of(Lookup.TAC_CATALOGUE);
        }

        @Override
        public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
            int model = lookups.tacRats.get((int) (history.imei / 1_000_000L));
            if (model <= 0) {
                return false;
            }
            int seen = history.ratsWithin(window);
            for (int generation = 2; generation <= 5; generation++) {
                if (Rat.hasGeneration(seen, generation) && !Rat.hasGeneration(model, generation)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * DIRBS's {@code used_by_international_roamer}: inside the lookback the IMEI was seen with a
     * valid IMSI of a foreign network (an MCC that is neither the country's nor an operator's).
     */
    record UsedByInternationalRoamer(Period period) implements Dimension {
        static UsedByInternationalRoamer of(Parameters p) {
            return new UsedByInternationalRoamer(p.period("lookback_days", "period_days"));
        }

        @Override
        public String name() {
            return "used_by_international_roamer";
        }

        @Override
        public boolean matches(ImeiHistory history, long[] window, Lookups lookups) {
            for (int sim = 0; sim < history.sims; sim++) {
                if (history.simValid[sim] && !lookups.homeMccs.contains(ImeiHistory.mcc(history.simImsi[sim]))
                        && DayMask.intersects(history.simDays, sim * history.words, window)) {
                    return true;
                }
            }
            return false;
        }
    }
}
