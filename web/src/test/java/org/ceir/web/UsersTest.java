package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersTest {
    private static Database database;
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-05-12T09:00:00Z"));
    private static Users users;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        users = new Users(database, WebSettings.defaults(), TestServer.FAST_HASHER, clock);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static long add(String username, Role... roles) {
        return users.add(new Users.NewUser(username, "Name " + username, TestServer.PASSWORD, EnumSet.copyOf(List.of(roles)),
                null, null), "admin");
    }

    @Test
    void add_storesOnlyAnArgon2idHashAndAudits() {
        add("hash-check", Role.ANALYST);

        String stored = database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT password_hash FROM app_user WHERE username = 'hash-check'");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
        assertThat(stored).startsWith("$argon2id$").doesNotContain(TestServer.PASSWORD);
        assertThat(auditActions("user:hash-check")).containsExactly("user.add");
    }

    @Test
    void add_refusesWhatCannotBe() {
        add("taken", Role.AUDITOR);

        assertThatThrownBy(() -> add("taken", Role.AUDITOR)).isInstanceOf(InvalidUserException.class)
                .hasMessage("user taken already exists");
        assertThatThrownBy(() -> users.add(new Users.NewUser("short-pw", "N", "123", EnumSet.of(Role.ADMIN), null, null), "a"))
                .hasMessage("the password must have at least 10 characters");
        assertThatThrownBy(() -> users.add(new Users.NewUser("Bad Name!", "N", TestServer.PASSWORD, EnumSet.of(Role.ADMIN),
                null, null), "a")).isInstanceOf(InvalidUserException.class).hasMessageContaining("user name 'Bad Name!'");
        assertThatThrownBy(() -> users.add(new Users.NewUser("op-x", "N", TestServer.PASSWORD, EnumSet.of(Role.OPERATOR),
                "nosuch", null), "a")).hasMessageContaining("no operator 'nosuch'");
        assertThatThrownBy(() -> users.add(new Users.NewUser("clerk-x", "N", TestServer.PASSWORD, EnumSet.of(Role.CLERK),
                null, null), "a")).hasMessageContaining("a CLERK needs the code of the post office");
        assertThatThrownBy(() -> add("no-roles")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authenticate_locksAfterRepeatedFailuresThenUnlocksWithTime() {
        add("lockme", Role.ANALYST);
        int max = WebSettings.defaults().maxFailedLogins();

        List<Users.Authentication> outcomes = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            outcomes.add(users.authenticate("lockme", "wrong password " + i, "192.0.2.1", true));
        }

        assertThat(outcomes.subList(0, max - 1)).allMatch(outcome -> outcome instanceof Users.Refused);
        assertThat(outcomes.get(max - 1)).isInstanceOf(Users.Locked.class);
        assertThat(users.authenticate("lockme", TestServer.PASSWORD, "192.0.2.1", true))
                .as("the right password while locked").isInstanceOf(Users.Locked.class);
        assertThat(auditActions("user:lockme")).contains("user.locked");

        NOW.updateAndGet(now -> now.plus(Duration.ofMinutes(WebSettings.defaults().lockoutMinutes() + 1)));
        assertThat(users.authenticate("lockme", TestServer.PASSWORD, "192.0.2.1", true)).isInstanceOf(Users.Authenticated.class);
    }

    @Test
    void authenticate_successResetsTheFailureCount() {
        add("reset", Role.ANALYST);
        users.authenticate("reset", "wrong password", null, false);
        users.authenticate("reset", TestServer.PASSWORD, null, false);

        assertThat(users.find("reset").orElseThrow().failedLogins()).isZero();
    }

    @Test
    void authenticate_unknownOrDisabledUsersAreRefusedAlike() {
        long id = add("gone", Role.AUDITOR);
        users.setDisabled(id, true, "admin");

        assertThat(users.authenticate("gone", TestServer.PASSWORD, null, true)).isInstanceOf(Users.Refused.class);
        assertThat(users.authenticate("nobody-at-all", TestServer.PASSWORD, null, true)).isInstanceOf(Users.Refused.class);
    }

    @Test
    void unlock_liftsTheLock() {
        long id = add("unlockme", Role.ANALYST);
        for (int i = 0; i < WebSettings.defaults().maxFailedLogins(); i++) {
            users.authenticate("unlockme", "wrong password", null, false);
        }

        users.unlock(id, "admin");

        assertThat(users.authenticate("unlockme", TestServer.PASSWORD, null, false)).isInstanceOf(Users.Authenticated.class);
        assertThat(auditActions("user:unlockme")).containsSubsequence("user.locked", "user.unlock");
    }

    @Test
    void auditLog_staysIntactThroughUserChanges() {
        long id = add("chain", Role.ANALYST);
        users.setRoles(id, EnumSet.of(Role.ANALYST, Role.AUDITOR), null, null, "admin");
        users.setPassword(id, "another long passphrase", "admin");

        assertThat(database.transaction(AuditLog::verify).intact()).isTrue();
        assertThat(users.find(id).orElseThrow().roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.AUDITOR);
    }

    private static List<String> auditActions(String subject) {
        return database.transaction(connection -> {
            List<String> actions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT action FROM audit_log WHERE subject = ? ORDER BY id")) {
                query.setString(1, subject);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        actions.add(rows.getString(1));
                    }
                }
            }
            return actions;
        });
    }
}
