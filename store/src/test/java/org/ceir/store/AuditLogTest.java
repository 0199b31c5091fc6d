package org.ceir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private static Database database;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void threeEntries() {
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE audit_log");
            }
            AuditLog.append(c, "alice", "CASE_CONFIRMED", "imei:35209900176148", "{\"status\":\"SUSPECTED_CLONE\"}",
                    "{\"status\":\"CLONE\"}", "seen on 120 SIMs at once");
            AuditLog.append(c, "bob", "APPEAL_APPROVED", "appeal:A-1", null, "{\"paired\":\"400011234567890\"}",
                    "number change confirmed at the post office");
            AuditLog.append(c, "carol", "USER_ADDED", "user:dave", null, "{\"roles\":[\"CLERK\"]}", null);
            return null;
        });
    }

    @Test
    void verify_untouchedChainHolds() {
        AuditLog.Verification result = database.transaction(AuditLog::verify);
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
    }

    @Test
    void verify_changedEntryIsNamed() {
        long second = database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_log SET reason = 'no reason' WHERE actor = 'bob'");
                var rows = s.executeQuery("SELECT id FROM audit_log WHERE actor = 'bob'");
                rows.next();
                return rows.getLong(1);
            }
        });
        AuditLog.Verification result = database.transaction(AuditLog::verify);
        assertThat(result.firstBroken()).contains("entry " + second
                + " (APPEAL_APPROVED on appeal:A-1) was changed after it was written");
    }

    @Test
    void verify_removedEntryBreaksTheNextLink() {
        long third = database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_log WHERE actor = 'bob'");
                var rows = s.executeQuery("SELECT id FROM audit_log WHERE actor = 'carol'");
                rows.next();
                return rows.getLong(1);
            }
        });
        AuditLog.Verification result = database.transaction(AuditLog::verify);
        assertThat(result.firstBroken().orElseThrow()).startsWith("entry " + third + " does not follow");
    }

    @Test
    void append_rolledBackEntryLeavesNoGapInTheChain() {
        try {
            database.transaction(c -> {
                AuditLog.append(c, "eve", "TRIED", "imei:1", null, null, null);
                throw new IllegalStateException("abandoned");
            });
        } catch (IllegalStateException expected) {
            // the entry goes with its transaction
        }
        database.transaction(c -> AuditLog.append(c, "frank", "AFTER", "imei:2", null, null, null));
        assertThat(database.transaction(AuditLog::verify).intact()).isTrue();
    }

    @Test
    void find_combinesSubjectActorAndActionNewestFirst() {
        database.transaction(c -> AuditLog.append(c, "alice", "CASE_LIFTED", "imei:35209900176148", null, null, "appeal"));

        List<AuditLog.Entry> cases = database.transaction(c -> AuditLog.find(c,
                AuditLog.Query.newest(10).withSubject("imei:35209900176148")));
        List<AuditLog.Entry> bob = database.transaction(c -> AuditLog.find(c, new AuditLog.Query(Optional.empty(),
                Optional.of("bob"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10)));
        List<AuditLog.Entry> lifted = database.transaction(c -> AuditLog.find(c, new AuditLog.Query(
                Optional.of("imei:*"), Optional.of("alice"), Optional.of("CASE_LIFTED"), Optional.empty(),
                Optional.empty(), Optional.empty(), 10)));

        assertThat(cases).extracting(AuditLog.Entry::action).containsExactly("CASE_LIFTED", "CASE_CONFIRMED");
        assertThat(bob).extracting(AuditLog.Entry::subject).containsExactly("appeal:A-1");
        assertThat(lifted).extracting(AuditLog.Entry::reason).containsExactly("appeal");
    }

    @Test
    void find_pagesByIdAndTime() {
        List<AuditLog.Entry> all = database.transaction(c -> AuditLog.find(c, AuditLog.Query.newest(10)));
        long newest = all.get(0).id();

        List<AuditLog.Entry> older = database.transaction(c -> AuditLog.find(c, new AuditLog.Query(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(newest), 1)));
        List<AuditLog.Entry> future = database.transaction(c -> AuditLog.find(c, new AuditLog.Query(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(all.get(0).at().plusSeconds(1)), Optional.empty(),
                Optional.empty(), 10)));
        List<AuditLog.Entry> past = database.transaction(c -> AuditLog.find(c, new AuditLog.Query(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(all.get(2).at().plusNanos(1000)),
                Optional.empty(), 10)));

        assertThat(all).hasSize(3);
        assertThat(older).extracting(AuditLog.Entry::actor).containsExactly("bob");
        assertThat(future).isEmpty();
        assertThat(past).extracting(AuditLog.Entry::actor).contains("alice");
        assertThat(database.transaction(AuditLog::actions)).containsExactly("APPEAL_APPROVED", "CASE_CONFIRMED",
                "USER_ADDED");
    }
}
