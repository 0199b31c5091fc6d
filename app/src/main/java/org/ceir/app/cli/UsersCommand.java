package org.ceir.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ceir.web.Role;
import org.ceir.web.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ceir users …}: staff accounts for the console and the staff APIs. */
@Command(name = "users", description = "Staff accounts of the web console and the staff APIs.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public final class UsersCommand {

    @Command(name = "add", description = {"Add a staff account.",
        "The password is asked for twice on a terminal, or read from the first line of standard input"
                + " (echo … | ceir users add …); never given as an argument, where other users and the shell history would see it."})
    static final class Add extends CeirCommandBase {
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "3 to 64 of a-z, 0-9, . - _")
        String username;

        @Option(names = "--name", paramLabel = "TEXT", description = "The person's name as the console shows it (default: the user name).")
        String displayName;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "ADMIN, ANALYST, CLERK, OPERATOR or AUDITOR; repeat or separate with commas.")
        List<String> roles;

        @Option(names = "--operator", paramLabel = "CODE", description = "For an OPERATOR: its operator's code (e.g. azercell).")
        String operator;

        @Option(names = "--office", paramLabel = "CODE", description = "For a CLERK: the post office's code.")
        String office;

        @Override
        protected int run() throws IOException {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                parsed.add(Role.parse(role));
            }
            String password = readPassword();
            Users users = new Users(ceir().database(), ceir().settings().web());
            users.add(new Users.NewUser(username, displayName == null ? username : displayName, password, parsed,
                    operator, office), ActorOption.login());
            System.out.println("added " + username.strip().toLowerCase(java.util.Locale.ROOT) + " ("
                    + parsed.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ")");
            return 0;
        }

        private String readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password for %s (at least %d characters): ", username,
                        Users.MIN_PASSWORD_LENGTH);
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passwords differ; nothing was added");
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input: type it at a terminal, or pipe it in"
                        + " (echo … | ceir users add …)");
            }
            return line;
        }
    }

    @Command(name = "list", description = "List the staff accounts (never their passwords).")
    static final class ListUsers extends CeirCommandBase {
        @Override
        protected int run() {
            List<Users.User> users = new Users(ceir().database(), ceir().settings().web()).list();
            java.time.Instant now = java.time.Instant.now();
            System.out.printf("%-20s %-28s %-30s %s%n", "USER", "NAME", "ROLES", "STATE");
            for (Users.User user : users) {
                String roles = user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                        + user.operator().map(code -> " @" + code).orElse("") + user.office().map(code -> " @" + code).orElse("");
                String state = user.disabled() ? "disabled" : user.lockedAt(now) ? "locked until " + user.lockedUntil().get() : "active";
                System.out.printf("%-20s %-28s %-30s %s%n", user.username(), user.displayName(), roles, state);
            }
            return 0;
        }
    }
}
