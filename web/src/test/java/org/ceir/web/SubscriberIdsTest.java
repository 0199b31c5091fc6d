package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SubscriberIdsTest {
    private static Principal user(Role... roles) {
        return new Principal(1, "u", "U", Set.of(roles), null, null, "token");
    }

    @Test
    void imsi_inFullForAnalystsAndAuditorsOnly() {
        assertThat(SubscriberIds.forViewer(user(Role.ANALYST), "994").imsi("400011234567890")).isEqualTo("400011234567890");
        assertThat(SubscriberIds.forViewer(user(Role.AUDITOR, Role.CLERK), "994").full()).isTrue();
        assertThat(SubscriberIds.forViewer(user(Role.CLERK), "994").imsi("400011234567890")).isEqualTo("40001••••••••90");
        assertThat(SubscriberIds.forViewer(user(Role.ADMIN), "994").imsi("400011234567890")).isEqualTo("40001••••••••90");
        assertThat(SubscriberIds.forViewer(null, "994").full()).isFalse();
    }

    @Test
    void msisdn_keepsTheCountryCodeAndTheLastTwoDigits() {
        SubscriberIds masked = SubscriberIds.forViewer(user(Role.CLERK), "994");

        assertThat(masked.msisdn("994501234567")).isEqualTo("994•••••••67");
        assertThat(masked.msisdn("79161234567")).isEqualTo("791••••••67");
        assertThat(masked.msisdn("1234")).isEqualTo("••••");
        assertThat(masked.imsi("(none or unusable)")).isEqualTo("(none or unusable)");
    }
}
