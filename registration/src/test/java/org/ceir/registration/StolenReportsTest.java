package org.ceir.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ceir.registration.Fixture.GALAXY;
import static org.ceir.registration.Fixture.IPHONE;
import static org.ceir.registration.Fixture.IPHONE_SECOND_TAC;
import static org.ceir.registration.Fixture.application;
import static org.ceir.registration.Fixture.imei;
import static org.ceir.registration.Fixture.key;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import org.ceir.core.identity.Imei;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StolenReportsTest {
    private static Database database;
    private static Fixture fx;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        fx = new Fixture(database, Fixture.in2024());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static StolenReports.Report byOwner(String fin, String police, String... imeis) {
        return new StolenReports.Report(StolenReports.Kind.STOLEN, StolenReports.Reporter.OWNER, Optional.empty(),
                List.of(imeis), Optional.ofNullable(police), Optional.of(fin));
    }

    @Test
    void report_oneImeiBlocksEveryImeiOfThePhone() {
        String reference = fx.registrations.registerPhone(application("2BBB001", imei(IPHONE, 200),
                imei(IPHONE_SECOND_TAC, 200)), "c").reference();
        fx.payments.confirmByClerk(reference, Optional.empty(), Optional.empty(), "c");
        StolenReports.Reported report = fx.stolen.report(byOwner("2BBB001", "POL-2026-1", imei(IPHONE, 200)), "owner");
        assertThat(report.imeis()).containsExactlyInAnyOrder(imei(IPHONE, 200), imei(IPHONE_SECOND_TAC, 200));
        assertThat(fx.count("device_status WHERE status = 'STOLEN' AND sticky AND ref = ?", report.reference()))
                .isEqualTo(2);
        assertThat(report.reporter()).isEqualTo(StolenReports.Reporter.OWNER);
        assertThat(report.policeReference()).contains("POL-2026-1");
        assertThat(report.registration()).contains(reference);
        assertThat(fx.count("change_log WHERE change = 'STATUS_SET' AND imei IN (?, ?)", key(IPHONE, 200),
                key(IPHONE_SECOND_TAC, 200))).isEqualTo(2);
        assertThat(fx.count("audit_log WHERE action = 'STOLEN_REPORTED' AND subject = ?", "stolen:" + report.reference()))
                .isEqualTo(1);
        // a stolen phone cannot be registered again
        assertThatThrownBy(() -> fx.registrations.registerPhone(application("2BBB009", imei(IPHONE, 200)), "c"))
                .isInstanceOf(RegistrationException.class);
    }

    @Test
    void report_ownerNeedsAPoliceReferenceAndTheirOwnId() {
        fx.registrations.registerPhone(application("2BBB002", imei(GALAXY, 200)), "c");
        assertThatThrownBy(() -> fx.stolen.report(byOwner("2BBB002", null, imei(GALAXY, 200)), "owner"))
                .hasMessageContaining("police");
        assertThatThrownBy(() -> fx.stolen.report(byOwner("9ZZZ999", "POL-1", imei(GALAXY, 200)), "someone"))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistrationException.Kind.FORBIDDEN));
        assertThat(fx.count("device_status WHERE imei = ?", key(GALAXY, 200))).isZero();
    }

    @Test
    void report_ownerOfAPhoneNotRegisteredGoesToAPostOffice() {
        assertThatThrownBy(() -> fx.stolen.report(byOwner("2BBB004", "POL-4", imei(GALAXY, 204)), "online"))
                .isInstanceOfSatisfying(RegistrationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistrationException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).contains("clerk at a post office");
                });
        assertThat(fx.count("device_status WHERE imei = ?", key(GALAXY, 204))).isZero();
    }

    @Test
    void report_ownerOfAnUnpaidApplicationCannotBlockThePhone() {
        fx.registrations.registerPhone(application("2BBB005", imei(GALAXY, 205)), "c");

        assertThatThrownBy(() -> fx.stolen.report(byOwner("2BBB005", "POL-5", imei(GALAXY, 205)), "online"))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistrationException.Kind.CONFLICT));
        assertThat(fx.count("device_status WHERE imei = ?", key(GALAXY, 205))).isZero();
    }

    @Test
    void recent_listsNewestFirstAndCanLeaveOutRecovered() {
        StolenReports.Reported open = fx.stolen.report(new StolenReports.Report(StolenReports.Kind.STOLEN,
                StolenReports.Reporter.CLERK, Optional.empty(), List.of(imei(GALAXY, 206)), Optional.of("POL-6"),
                Optional.empty()), "clerk1");
        StolenReports.Reported recovered = fx.stolen.report(new StolenReports.Report(StolenReports.Kind.LOST,
                StolenReports.Reporter.CLERK, Optional.empty(), List.of(imei(GALAXY, 207)), Optional.empty(),
                Optional.empty()), "clerk1");
        fx.stolen.recover(recovered.reference(), StolenReports.Reporter.CLERK, Optional.empty(), "clerk2");

        List<StolenReports.Reported> all = fx.stolen.recent(false, 1000);
        List<StolenReports.Reported> openOnly = fx.stolen.recent(true, 1000);

        assertThat(all).extracting(StolenReports.Reported::reference).contains(open.reference(), recovered.reference());
        assertThat(all.indexOf(all.stream().filter(r -> r.reference().equals(recovered.reference())).findFirst()
                .orElseThrow())).isLessThan(all.indexOf(all.stream().filter(r -> r.reference().equals(open.reference()))
                .findFirst().orElseThrow()));
        assertThat(openOnly).extracting(StolenReports.Reported::reference).contains(open.reference())
                .doesNotContain(recovered.reference());
        assertThat(all).filteredOn(r -> r.reference().equals(recovered.reference())).singleElement()
                .satisfies(r -> assertThat(r.recoveredBy()).contains("clerk2"));
    }

    @Test
    void recover_liftsTheBlock() {
        fx.registrations.registerPhone(application("2BBB003", imei(GALAXY, 201)), "c");
        StolenReports.Reported report = fx.stolen.report(new StolenReports.Report(StolenReports.Kind.LOST,
                StolenReports.Reporter.CLERK, Optional.empty(), List.of(imei(GALAXY, 201)), Optional.empty(),
                Optional.empty()), "clerk1");
        StolenReports.Reported recovered = fx.stolen.recover(report.reference(), StolenReports.Reporter.OWNER,
                Optional.of("2BBB003"), "owner");
        assertThat(recovered.recoveredAt()).isPresent();
        assertThat(fx.count("device_status WHERE imei = ?", key(GALAXY, 201))).isZero();
        assertThat(fx.count("change_log WHERE change = 'STATUS_CLEARED' AND imei = ?", key(GALAXY, 201))).isEqualTo(1);
        assertThatThrownBy(() -> fx.stolen.recover(report.reference(), StolenReports.Reporter.CLERK, Optional.empty(), "c"))
                .hasMessageContaining("already recovered");
    }

    @Test
    void report_unregisteredPhoneByClerk() {
        StolenReports.Reported report = fx.stolen.report(new StolenReports.Report(StolenReports.Kind.STOLEN,
                StolenReports.Reporter.CLERK, Optional.empty(), List.of(imei(GALAXY, 202)), Optional.of("POL-9"),
                Optional.empty()), "clerk1");
        assertThat(report.registration()).isEmpty();
        assertThatThrownBy(() -> fx.stolen.report(new StolenReports.Report(StolenReports.Kind.STOLEN,
                StolenReports.Reporter.CLERK, Optional.empty(), List.of(imei(GALAXY, 202)), Optional.empty(),
                Optional.empty()), "clerk1")).hasMessageContaining("already reported");
    }

    @Test
    void exportDirbs_listsBlockedImeisInDirbsFormat() {
        fx.stolen.report(new StolenReports.Report(StolenReports.Kind.STOLEN, StolenReports.Reporter.CLERK,
                Optional.empty(), List.of(imei(GALAXY, 203)), Optional.empty(), Optional.empty()), "clerk1");
        StringWriter out = new StringWriter();
        long rows = fx.stolen.exportDirbs(out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("imei,reporting_date,status");
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches(Imei.formatKey(key(GALAXY, 203)) + ",20[0-9]{6},blacklist"));
    }
}
