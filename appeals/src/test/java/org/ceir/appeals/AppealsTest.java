package org.ceir.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.ceir.core.identity.Imei;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppealsTest {
    private static Database database;
    private static AppealFixture fixture;
    private static Appeals appeals;
    private static int serial = 100;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        fixture = new AppealFixture(database);
        appeals = fixture.appeals();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** A fresh valid IMEI per test, so tests do not see each other's appeals. */
    private static String newImei() {
        return Imei.ofKey(35209900000000L + serial++).toString();
    }

    @Test
    void fileAtPostOffice_givesTrackingNumberDueDateAndSms() {
        String imei = newImei();
        Appeals.Filed filed = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, AppealFixture.FIN), "clerk1",
                "AZ1000");

        assertThat(filed.tracking()).matches("A-[0-9A-HJKMNP-TV-Z]{9}");
        assertThat(filed.status()).isEqualTo(AppealStatus.RECEIVED);
        // Tuesday 12 May 2026 + 10 working days (weekends off) is Tuesday 26 May.
        assertThat(filed.dueOn()).isEqualTo(LocalDate.of(2026, 5, 26));
        AppealView view = appeals.get(filed.tracking());
        assertThat(view.applicantMasked()).isEqualTo("*****2K");
        assertThat(view.officeCode()).contains("AZ1000");
        assertThat(view.claimedMsisdn()).contains("994552222222");
        assertThat(view.events()).extracting(AppealView.Event::action).containsExactly("FILED");
        assertThat(fixture.lastSms("994552222222")).contains(filed.tracking(), imei, "26.05.2026");
        assertThat(fixture.strings("SELECT action FROM audit_log WHERE subject = ?", "appeal:" + filed.tracking()))
                .containsExactly("APPEAL_FILED");
        assertThat(fixture.strings("SELECT concat(before, after, reason) FROM audit_log")).noneMatch(
                text -> text.contains(AppealFixture.FIN));
    }

    @Test
    void fileAtPostOffice_refusesWhatIsWrongWithAnActionableMessage() {
        NewAppeal noSim = new NewAppeal(AppealKind.NUMBER_CHANGE, newImei(), AppealFixture.FIN, "055 222 22 22", null,
                null, "", "en", List.of());
        assertThatThrownBy(() -> appeals.fileAtPostOffice(noSim, "clerk1", "AZ1000"))
                .hasMessageContaining("needs the new SIM");
        NewAppeal badImei = new NewAppeal(AppealKind.OTHER, "352099001761482", AppealFixture.FIN, "055 222 22 22",
                null, null, "", "en", List.of());
        assertThatThrownBy(() -> appeals.fileAtPostOffice(badImei, "clerk1", "AZ1000"))
                .hasMessageContaining("352099001761481");
        NewAppeal badId = new NewAppeal(AppealKind.OTHER, newImei(), "12", "055 222 22 22", null, null, "", "en",
                List.of());
        assertThatThrownBy(() -> appeals.fileAtPostOffice(badId, "clerk1", "AZ1000"))
                .hasMessageStartingWith("the applicant's ID").hasMessageNotContaining("12 ");
        assertThatThrownBy(() -> appeals.fileAtPostOffice(AppealFixture.numberChange(newImei(), AppealFixture.FIN),
                "clerk1", " ")).hasMessageContaining("office");
    }

    @Test
    void approve_numberChangePairsTheNewSimUnpairsTheOldAndLogsItForTheChecks() {
        String imei = newImei();
        fixture.cloneWithOldSim(imei);
        String tracking = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();
        appeals.review(tracking, "analyst1");

        Appeals.Decision decision = appeals.approve(tracking, "analyst1", "the new SIM followed the old one: a number change",
                new Appeals.Approval(AppealFixture.NEW_IMSI, null, List.of(AppealFixture.OLD_MSISDN)));

        assertThat(decision.appeal().status()).isEqualTo(AppealStatus.APPROVED);
        assertThat(decision.imeiIsClone()).isTrue();
        assertThat(decision.paired()).containsExactly(AppealFixture.NEW_IMSI + "/-");
        assertThat(decision.unpaired()).containsExactly(AppealFixture.OLD_IMSI + "/" + AppealFixture.OLD_MSISDN);
        long key = Imei.parse(imei).key();
        assertThat(fixture.strings("SELECT kind || ' ' || imsi FROM pairing WHERE imei = ? AND removed_at IS NULL", key))
                .containsExactly("NUMBER_CHANGE " + AppealFixture.NEW_IMSI);
        assertThat(fixture.strings("SELECT change FROM change_log WHERE imei = ? ORDER BY id", key))
                .containsExactly("UNPAIRED", "PAIRED");
        assertThat(fixture.strings("SELECT action FROM audit_log WHERE subject IN (?, ?) ORDER BY id",
                "appeal:" + tracking, "imei:" + Imei.formatKey(key)))
                .containsExactly("APPEAL_FILED", "APPEAL_REVIEW", "PAIRING_CHANGED", "APPEAL_APPROVED");
        assertThat(fixture.lastSms("994552222222")).contains("approved", "a number change");
        assertThat(database.transaction(AuditLog::verify).intact()).isTrue();
    }

    @Test
    void approve_originalOwnerPairsTheClaimedNumberAsOwner() {
        String imei = newImei();
        fixture.cloneWithOldSim(imei);
        NewAppeal owner = new NewAppeal(AppealKind.ORIGINAL_OWNER, imei, "7XYZ123", "050 333 33 33", null,
                "050 333 33 33", "I paid the duty for this phone", "az", List.of());
        String tracking = appeals.fileAtPostOffice(owner, "clerk1", "AZ1000").tracking();

        Appeals.Decision decision = appeals.approve(tracking, "analyst1", "registered owner, first SIM on the IMEI",
                Appeals.Approval.asClaimed());

        assertThat(decision.paired()).containsExactly("-/994503333333");
        assertThat(fixture.strings("SELECT kind FROM pairing WHERE imei = ? AND msisdn = '994503333333'",
                Imei.parse(imei).key())).containsExactly("OWNER");
        assertThat(fixture.lastSms("994503333333")).contains("təmin edildi");
    }

    @Test
    void approve_refusesToUnpairTheSimItPairsOrOneThatIsNotPaired() {
        String imei = newImei();
        fixture.cloneWithOldSim(imei);
        String tracking = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();

        assertThatThrownBy(() -> appeals.approve(tracking, "analyst1", "ok",
                new Appeals.Approval(AppealFixture.OLD_IMSI, null, List.of(AppealFixture.OLD_IMSI))))
                .hasMessageContaining("cannot also be unpaired");
        assertThatThrownBy(() -> appeals.approve(tracking, "analyst1", "ok",
                new Appeals.Approval(null, null, List.of("400019999999999"))))
                .hasMessageContaining("no active pairing");
        assertThat(appeals.get(tracking).status()).isEqualTo(AppealStatus.RECEIVED);
    }

    @Test
    void reject_needsAReasonTellsTheApplicantAndIsFinal() {
        String tracking = appeals.fileAtPostOffice(AppealFixture.numberChange(newImei(), AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();

        assertThatThrownBy(() -> appeals.reject(tracking, "analyst1", " ")).hasMessageContaining("give a reason");
        appeals.reject(tracking, "analyst1", "the new SIM was used in another phone at the same time");

        assertThat(appeals.status(tracking).message()).contains("the new SIM was used in another phone at the same time");
        assertThat(fixture.lastSms("994552222222")).contains("rejected");
        assertThatThrownBy(() -> appeals.approve(tracking, "analyst1", "changed my mind", null))
                .isInstanceOf(AppealException.class)
                .satisfies(e -> assertThat(((AppealException) e).kind()).isEqualTo(AppealException.Kind.CONFLICT));
    }

    @Test
    void fileAtPostOffice_secondAppealOfTheSameApplicantIsLinkedAndDecidedWithTheFirst() {
        String imei = newImei();
        String first = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, "1DUP234"), "clerk1", "AZ1000")
                .tracking();
        Appeals.Filed second = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, "1dup 234"), "clerk2", "AZ2000");
        Appeals.Filed other = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, "9OTHER9"), "clerk2", "AZ2000");

        assertThat(second.duplicateOf()).contains(first);
        assertThat(other.duplicateOf()).isEmpty();
        assertThat(appeals.get(first).duplicates()).containsExactly(second.tracking());

        Appeals.Decision decision = appeals.reject(first, "analyst1", "not a number change");

        assertThat(decision.decidedWith()).containsExactly(second.tracking());
        assertThat(appeals.get(second.tracking()).status()).isEqualTo(AppealStatus.REJECTED);
        assertThat(appeals.get(second.tracking()).decisionReason()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("decided with appeal " + first));
        assertThat(appeals.get(other.tracking()).status()).isEqualTo(AppealStatus.RECEIVED);
    }

    @Test
    void requestInfo_waitsForTheApplicantThenAddInfoResumesWithANewDueDate() {
        String tracking = appeals.fileAtPostOffice(AppealFixture.numberChange(newImei(), AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();
        appeals.requestInfo(tracking, "analyst1", "bring the contract of your new number");

        assertThat(appeals.get(tracking).status()).isEqualTo(AppealStatus.INFO_REQUESTED);
        assertThat(fixture.lastSms("994552222222")).contains("bring the contract of your new number");
        assertThat(appeals.status(tracking).message()).contains("bring the contract of your new number");

        Appeals later = fixture.appeals(Clock.offset(Clock.fixed(AppealFixture.NOW, AppealFixture.BAKU),
                java.time.Duration.ofDays(7)));
        AppealView view = later.addInfo(tracking, "clerk2", "contract attached",
                List.of(new Attachment("contract.pdf", AppealFixture.pdf())));

        assertThat(view.status()).isEqualTo(AppealStatus.UNDER_REVIEW);
        assertThat(view.dueOn()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(view.attachments()).singleElement().satisfies(a -> {
            assertThat(a.mediaType()).isEqualTo("application/pdf");
            assertThat(a.sha256()).hasSize(64);
        });
    }

    @Test
    void fileOnline_needsTheCodeSentToTheContactNumber() {
        NewAppeal appeal = new NewAppeal(AppealKind.NUMBER_CHANGE, newImei(), "2ONL345", "+994 70 444 44 44", null,
                "070 444 44 44", "online", "ru", List.of(new Attachment("photo.jpg", AppealFixture.jpeg())));
        assertThatThrownBy(() -> appeals.fileOnline(appeal, "123456")).hasMessageContaining("no valid code");

        appeals.sendCode("070 444 44 44", "ru");
        String code = fixture.codeSentTo("994704444444");
        assertThat(fixture.lastSms("994704444444")).contains("Ваш код");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> appeals.fileOnline(appeal, wrong)).hasMessageContaining("4 more tries");

        Appeals.Filed filed = appeals.fileOnline(appeal, code);

        assertThat(filed.attachments()).isEqualTo(1);
        assertThat(appeals.get(filed.tracking()).channel()).isEqualTo(Channel.ONLINE);
        assertThatThrownBy(() -> appeals.fileOnline(appeal, code)).hasMessageContaining("no valid code");
    }

    @Test
    void addInfoOnline_answersARequestWithACodeSentToTheAppealsNumber() {
        NewAppeal appeal = new NewAppeal(AppealKind.ORIGINAL_OWNER, newImei(), "8ANS123", "050 777 77 77", null,
                "050 777 77 77", "", "az", List.of());
        String tracking = appeals.fileAtPostOffice(appeal, "clerk1", "AZ1000").tracking();
        appeals.requestInfo(tracking, "analyst1", "the receipt of the duty, please");

        appeals.sendCodeFor(tracking);
        String code = fixture.codeSentTo("994507777777");
        assertThatThrownBy(() -> appeals.addInfoOnline(tracking, "999999".equals(code) ? "000000" : "999999", "here",
                List.of())).hasMessageContaining("the code is wrong");
        AppealView answered = appeals.addInfoOnline(tracking, code, "the receipt",
                List.of(new Attachment("receipt.jpg", AppealFixture.jpeg())));

        assertThat(answered.status()).isEqualTo(AppealStatus.UNDER_REVIEW);
        assertThat(answered.events()).extracting(AppealView.Event::action).endsWith("INFO_REQUESTED", "INFO_ADDED");
        assertThat(answered.events().get(answered.events().size() - 1).actor()).isEqualTo("online");
    }

    @Test
    void sendCode_limitsCodesPerNumberPerHour() {
        appeals.sendCode("050 555 55 55", "en");
        appeals.sendCode("050 555 55 55", "en");
        appeals.sendCode("050 555 55 55", "en");

        assertThatThrownBy(() -> appeals.sendCode("050 555 55 55", "en"))
                .isInstanceOf(AppealException.class)
                .hasMessageContaining("3 codes were sent to this number in the last hour");
    }

    @Test
    void fileAtPostOffice_acceptsOnlyPdfAndJpegByContent() {
        NewAppeal png = new NewAppeal(AppealKind.OTHER, newImei(), AppealFixture.FIN, "055 222 22 22", null, null, "",
                "en", List.of(new Attachment("scan.pdf", AppealFixture.png())));
        assertThatThrownBy(() -> appeals.fileAtPostOffice(png, "clerk1", "AZ1000"))
                .hasMessageContaining("neither a PDF nor a JPEG");
        byte[] fakeJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4};
        NewAppeal broken = new NewAppeal(AppealKind.OTHER, newImei(), AppealFixture.FIN, "055 222 22 22", null, null, "",
                "en", List.of(new Attachment("x.jpg", fakeJpeg)));
        assertThatThrownBy(() -> appeals.fileAtPostOffice(broken, "clerk1", "AZ1000"))
                .hasMessageContaining("not a readable one");
        NewAppeal big = new NewAppeal(AppealKind.OTHER, newImei(), AppealFixture.FIN, "055 222 22 22", null, null, "",
                "en", List.of(new Attachment("big.pdf", new byte[5 * 1024 * 1024 + 1])));
        assertThatThrownBy(() -> appeals.fileAtPostOffice(big, "clerk1", "AZ1000")).hasMessageContaining("at most 5.0 MB");
    }

    @Test
    void overdue_listsOpenAppealsPastTheirDueDateButNotThoseWaitingForTheApplicant() {
        String late = appeals.fileAtPostOffice(AppealFixture.numberChange(newImei(), AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();
        String waiting = appeals.fileAtPostOffice(AppealFixture.numberChange(newImei(), AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();
        appeals.requestInfo(waiting, "analyst1", "your ID card, please");

        Appeals inAMonth = fixture.appeals(Clock.offset(Clock.fixed(AppealFixture.NOW, AppealFixture.BAKU),
                java.time.Duration.ofDays(30)));
        List<String> overdue = inAMonth.overdue(100).appeals().stream().map(AppealSummary::tracking).toList();

        assertThat(overdue).contains(late).doesNotContain(waiting);
        assertThat(appeals.overdue(100).appeals()).extracting(AppealSummary::tracking).doesNotContain(late);
        assertThat(inAMonth.list(Set.of(AppealStatus.INFO_REQUESTED), false, 100))
                .extracting(AppealSummary::tracking).contains(waiting);
    }

    @Test
    void status_explainsAMistypedTrackingNumber() {
        String tracking = appeals.fileAtPostOffice(AppealFixture.numberChange(newImei(), AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();
        char last = tracking.charAt(tracking.length() - 1);
        String typo = tracking.substring(0, tracking.length() - 1) + (last == '0' ? '1' : '0');

        assertThat(appeals.status(tracking.toLowerCase(java.util.Locale.ROOT).replace("-", " ")).status())
                .isEqualTo(AppealStatus.RECEIVED);
        assertThatThrownBy(() -> appeals.status(typo)).hasMessageContaining("mistyped");
    }

    @Test
    void evidence_bringsTheFactsTogether() {
        String imei = newImei();
        fixture.cloneWithOldSim(imei);
        String tracking = appeals.fileAtPostOffice(AppealFixture.numberChange(imei, AppealFixture.FIN), "clerk1",
                "AZ1000").tracking();

        long key = Imei.parse(imei).key();
        database.transaction(c -> {
            try (var insert = c.prepareStatement("INSERT INTO registration (reference, kind, status, owner_id_hash,"
                    + " owner_id_cipher, created_by) VALUES ('R-TEST0001', 'INDIVIDUAL', 'ACTIVE', ?, ?, 'clerk')"
                    + " RETURNING id")) {
                insert.setBytes(1, AppealFixture.OWNER_IDS.lookupHash(AppealFixture.FIN));
                insert.setBytes(2, AppealFixture.OWNER_IDS.encrypt(AppealFixture.FIN));
                try (var row = insert.executeQuery()) {
                    row.next();
                    try (var link = c.prepareStatement("INSERT INTO registration_imei (registration_id, imei) VALUES (?, ?)")) {
                        link.setLong(1, row.getLong(1));
                        link.setLong(2, key);
                        link.executeUpdate();
                    }
                }
            }
            return null;
        });

        AppealEvidence.Facts facts = appeals.evidence(tracking);

        assertThat(facts.registrations()).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("R-TEST0001");
            assertThat(r.owner()).isEqualTo(AppealEvidence.Owner.APPLICANT);
        });

        assertThat(facts.imeiReport()).contains("IMEI " + imei, "CLONE");
        assertThat(facts.pairings()).singleElement().satisfies(p -> {
            assertThat(p.imsi()).isEqualTo(AppealFixture.OLD_IMSI);
            assertThat(p.active()).isTrue();
        });
        assertThat(facts.firstSeen()).hasValueSatisfying(first -> {
            assertThat(first.day()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(first.sims()).containsExactly(AppealFixture.OLD_IMSI + "/" + AppealFixture.OLD_MSISDN);
        });
        assertThat(facts.claimedSim()).hasValueSatisfying(sim -> {
            assertThat(sim.first()).isEqualTo(LocalDate.of(2026, 4, 21));
            assertThat(sim.firstOnImei()).isFalse();
        });
    }
}
