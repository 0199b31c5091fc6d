package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.Country;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy, reason by reason, and its precedence when several apply. */
class PolicyTest {
    private static final int TODAY = (int) LocalDate.of(2026, 5, 25).toEpochDay();
    private static final String HOME_IMSI = "400011234567890";
    private static final String OTHER_HOME_IMSI = "400029876543210";
    private static final String ROAMER_IMSI = "250011234567890";
    private static final long IMEI = 35209900176148L;
    private static final String IMEI_TEXT = "35209900176148";

    private Register register;
    private Policy policy;

    @BeforeEach
    void setUp() {
        register = new Register(16, 16);
        policy = new Policy(EirSettings.defaults(), Country.azerbaijan());
    }

    @Test
    void malformedImei_isGreylistedByDefault() {
        for (String malformed : new String[] {"3520990017614", "35209900I76148", "", "imei-352099001761481"}) {
            assertThat(decide(malformed, HOME_IMSI)).as(malformed).isEqualTo("GREYLISTED MALFORMED_IMEI");
        }
        assertThat(decide(null, HOME_IMSI)).isEqualTo("GREYLISTED MALFORMED_IMEI");
    }

    @Test
    void malformedImei_outcomeIsConfigurable() {
        policy = new Policy(settings(Outcome.UNKNOWN, Outcome.GREYLISTED, Outcome.BLACKLISTED, 30, List.of()),
                Country.azerbaijan());
        assertThat(decide("123", HOME_IMSI)).isEqualTo("UNKNOWN MALFORMED_IMEI");
    }

    @Test
    void fifteenthAndSixteenthDigitsAreNotJudged() {
        register.loadFlags(IMEI, DeviceBits.STOLEN);
        assertThat(decide(IMEI_TEXT + "0", HOME_IMSI)).as("spare 0").isEqualTo("BLACKLISTED STOLEN");
        assertThat(decide(IMEI_TEXT + "7", HOME_IMSI)).as("wrong check digit").isEqualTo("BLACKLISTED STOLEN");
        assertThat(decide(IMEI_TEXT + "12", HOME_IMSI)).as("IMEISV").isEqualTo("BLACKLISTED STOLEN");
    }

    @Test
    void unallocatedTac_judgedOnlyWhenACatalogueIsLoaded() {
        register.loadFlags(IMEI, DeviceBits.REGISTERED);
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).as("no catalogue").isEqualTo("WHITELISTED REGISTERED");
        register.replaceCatalogue(new TacCatalogue.Builder().add(11111111, false).build());
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("GREYLISTED UNALLOCATED_TAC");
        register.replaceCatalogue(new TacCatalogue.Builder().add(35209900, false).build());
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("WHITELISTED REGISTERED");
    }

    @Test
    void unallocatedTac_comesBeforeStolen() {
        register.loadFlags(IMEI, DeviceBits.STOLEN);
        register.replaceCatalogue(new TacCatalogue.Builder().add(11111111, false).build());
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("GREYLISTED UNALLOCATED_TAC");
    }

    @Test
    void stolen_isBlacklistedEvenWhenRegisteredClonedOrPaired() {
        register.loadFlags(IMEI, DeviceBits.STOLEN | DeviceBits.CLONE | DeviceBits.REGISTERED | DeviceBits.EXEMPT);
        register.loadPairings(IMEI, new long[] {Policy.imsiKey(HOME_IMSI)});
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("BLACKLISTED STOLEN");
    }

    @Test
    void clone_pairedSimIsWhitelistedAnyOtherIsRefused() {
        register.loadFlags(IMEI, DeviceBits.CLONE | DeviceBits.REGISTERED);
        register.loadPairings(IMEI, new long[] {Policy.imsiKey(HOME_IMSI)});
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("WHITELISTED CLONE_PAIRED_SIM");
        assertThat(decide(IMEI_TEXT, "imsi-" + HOME_IMSI)).as("5G form").isEqualTo("WHITELISTED CLONE_PAIRED_SIM");
        assertThat(decide(IMEI_TEXT, OTHER_HOME_IMSI)).isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
        assertThat(decide(IMEI_TEXT, ROAMER_IMSI)).as("a roamer on a clone is not exempt")
                .isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
        assertThat(decide(IMEI_TEXT, "40001x")).as("an unusable IMSI is another SIM")
                .isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
    }

    @Test
    void clone_withoutImsiIsBlacklistedByDefaultAndConfigurable() {
        register.loadFlags(IMEI, DeviceBits.CLONE);
        assertThat(decide(IMEI_TEXT, null)).isEqualTo("BLACKLISTED CLONE_NO_IMSI");
        assertThat(decide(IMEI_TEXT, "")).isEqualTo("BLACKLISTED CLONE_NO_IMSI");
        policy = new Policy(settings(Outcome.GREYLISTED, Outcome.GREYLISTED, Outcome.GREYLISTED, 30, List.of()),
                Country.azerbaijan());
        assertThat(decide(IMEI_TEXT, null)).isEqualTo("GREYLISTED CLONE_NO_IMSI");
    }

    @Test
    void clone_pairingByNumberOnlyMatchesTheCheckMsisdn() {
        register.loadFlags(IMEI, DeviceBits.CLONE);
        register.loadPairings(IMEI, new long[] {Policy.msisdnKey("994501234567")});
        assertThat(Verdict.toString(policy.decide(IMEI_TEXT, OTHER_HOME_IMSI, "994501234567", TODAY, register)))
                .isEqualTo("WHITELISTED CLONE_PAIRED_SIM");
        assertThat(Verdict.toString(policy.decide(IMEI_TEXT, null, "+994501234567", TODAY, register)))
                .isEqualTo("WHITELISTED CLONE_PAIRED_SIM");
        assertThat(Verdict.toString(policy.decide(IMEI_TEXT, OTHER_HOME_IMSI, "994559999999", TODAY, register)))
                .isEqualTo("BLACKLISTED CLONE_UNPAIRED_SIM");
    }

    @Test
    void suspectedClone_isDecidedLikeAnyDevice() {
        register.loadFlags(IMEI, DeviceBits.SUSPECTED_CLONE | DeviceBits.REGISTERED);
        assertThat(decide(IMEI_TEXT, OTHER_HOME_IMSI)).isEqualTo("WHITELISTED REGISTERED");
    }

    @Test
    void registered_comesBeforeExemptions() {
        register.loadFlags(IMEI, DeviceBits.REGISTERED | DeviceBits.EXEMPT);
        assertThat(decide(IMEI_TEXT, ROAMER_IMSI)).isEqualTo("WHITELISTED REGISTERED");
    }

    @Test
    void exemptRoamer_anImsiOfAnotherCountry() {
        register.applyFirstSeen(IMEI, TODAY - 100);
        assertThat(decide(IMEI_TEXT, ROAMER_IMSI)).isEqualTo("WHITELISTED EXEMPT_ROAMER");
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("BLACKLISTED UNREGISTERED_EXPIRED");
        policy = new Policy(new EirSettings(30, "Asia/Baku", Outcome.GREYLISTED, Outcome.GREYLISTED,
                Outcome.BLACKLISTED, Outcome.GREYLISTED, Outcome.BLACKLISTED, false, List.of(), 250, true, 5),
                Country.azerbaijan());
        assertThat(decide(IMEI_TEXT, ROAMER_IMSI)).as("roamers not exempt").isEqualTo("BLACKLISTED UNREGISTERED_EXPIRED");
    }

    @Test
    void exemptDeviceType_fromTheCatalogue() {
        register.applyFirstSeen(IMEI, TODAY - 100);
        register.replaceCatalogue(new TacCatalogue.Builder().add(35209900, true).build());
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("WHITELISTED EXEMPT_DEVICE_TYPE");
        assertThat(decide(IMEI_TEXT, ROAMER_IMSI)).as("roamer first").isEqualTo("WHITELISTED EXEMPT_ROAMER");
    }

    @Test
    void exemptListed_theExemptStatus() {
        register.loadFlags(IMEI, DeviceBits.EXEMPT);
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("WHITELISTED EXEMPT_LISTED");
    }

    @Test
    void unregisteredGrace_countsTodayAsADayLeft() {
        register.applyFirstSeen(IMEI, TODAY);
        int verdict = policy.decide(IMEI_TEXT, HOME_IMSI, null, TODAY, register);
        assertThat(Verdict.toString(verdict)).isEqualTo("GREYLISTED UNREGISTERED_GRACE (30 days left)");
        assertThat(Verdict.toString(policy.decide(IMEI_TEXT, HOME_IMSI, null, TODAY + 29, register)))
                .isEqualTo("GREYLISTED UNREGISTERED_GRACE (1 days left)");
        assertThat(Verdict.toString(policy.decide(IMEI_TEXT, HOME_IMSI, null, TODAY + 30, register)))
                .isEqualTo("BLACKLISTED UNREGISTERED_EXPIRED");
    }

    @Test
    void unregisteredGrace_firstSeenInTheFutureGivesTheWholeGrace() {
        register.applyFirstSeen(IMEI, TODAY + 3);
        assertThat(Verdict.daysLeft(policy.decide(IMEI_TEXT, HOME_IMSI, null, TODAY, register))).isEqualTo(30);
    }

    @Test
    void unregisteredExpired_outcomeIsConfigurable() {
        register.applyFirstSeen(IMEI, TODAY - 31);
        policy = new Policy(new EirSettings(30, "Asia/Baku", Outcome.GREYLISTED, Outcome.GREYLISTED,
                Outcome.BLACKLISTED, Outcome.GREYLISTED, Outcome.GREYLISTED, true, List.of(), 250, true, 5),
                Country.azerbaijan());
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("GREYLISTED UNREGISTERED_EXPIRED");
    }

    @Test
    void graceDays_zeroBlocksFromTheDayAfterTheFirstSighting() {
        policy = new Policy(settings(Outcome.GREYLISTED, Outcome.GREYLISTED, Outcome.BLACKLISTED, 0, List.of()),
                Country.azerbaijan());
        register.applyFirstSeen(IMEI, TODAY);
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("BLACKLISTED UNREGISTERED_EXPIRED");
    }

    @Test
    void neverSeen_isGreylistedWithTheWholeGrace() {
        int verdict = policy.decide(IMEI_TEXT, HOME_IMSI, null, TODAY, register);
        assertThat(Verdict.outcome(verdict)).isEqualTo(Outcome.GREYLISTED);
        assertThat(Verdict.reason(verdict)).isEqualTo(CheckReason.FIRST_SEEN);
        assertThat(Verdict.daysLeft(verdict)).isEqualTo(30);
    }

    @Test
    void neverSeen_statusesLiftedMeansNothingKnown() {
        register.loadFlags(IMEI, DeviceBits.STOLEN);
        register.applyDevice(IMEI, 0, new long[0]);
        assertThat(decide(IMEI_TEXT, HOME_IMSI)).isEqualTo("GREYLISTED FIRST_SEEN");
    }

    @Test
    void outcomeOf_matchesWhatDecideGives() {
        register.loadFlags(IMEI, DeviceBits.CLONE);
        int verdict = policy.decide(IMEI_TEXT, null, null, TODAY, register);
        assertThat(policy.outcomeOf(Verdict.reason(verdict))).isEqualTo(Verdict.outcome(verdict));
        assertThat(policy.outcomeOf(CheckReason.FIRST_SEEN)).isEqualTo(Outcome.GREYLISTED);
        assertThat(policy.outcomeOf(CheckReason.EXEMPT_LISTED)).isEqualTo(Outcome.WHITELISTED);
    }

    @Test
    void isRoamer_needsAUsableImsi() {
        assertThat(policy.isRoamer(ROAMER_IMSI)).isTrue();
        assertThat(policy.isRoamer("imsi-" + ROAMER_IMSI)).isTrue();
        assertThat(policy.isRoamer(HOME_IMSI)).isFalse();
        assertThat(policy.isRoamer("25x011234567")).isFalse();
        assertThat(policy.isRoamer("25001")).isFalse();
        assertThat(policy.isRoamer(null)).isFalse();
    }

    private String decide(String imei, String imsi) {
        return Verdict.toString(policy.decide(imei, imsi, null, TODAY, register)).replaceAll(" \\(.*\\)", "");
    }

    private static EirSettings settings(Outcome malformed, Outcome unallocated, Outcome cloneWithoutImsi, int graceDays,
                                        List<String> exemptTypes) {
        return new EirSettings(graceDays, "Asia/Baku", malformed, unallocated, cloneWithoutImsi, Outcome.GREYLISTED,
                Outcome.BLACKLISTED, true, exemptTypes, 250, true, 5);
    }
}
