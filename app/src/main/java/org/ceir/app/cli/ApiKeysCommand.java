package org.ceir.app.cli;

import java.time.Clock;
import java.util.List;

import org.ceir.lists.ApiKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir apikeys …}: the keys operators' systems sign their API requests with. */
@Command(name = "apikeys", description = "API keys of operators' systems (the integration API).",
        subcommands = {ApiKeysCommand.Add.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
public final class ApiKeysCommand {

    @Command(name = "add", description = {"Make a key for one operator and print it, once: ceir keeps only its hash.",
        "Give it to the operator over a safe channel; it is sent as Authorization: Bearer <key> or X-Api-Key."})
    static final class Add extends CeirCommandBase {
        @Option(names = "--operator", required = true, paramLabel = "CODE", description = "The operator it acts for (e.g. azercell).")
        String operator;

        @Option(names = "--label", required = true, paramLabel = "TEXT",
                description = "What it is for, e.g. \"EIR list loader\".")
        String label;

        @Override
        protected int run() {
            ApiKeys.NewApiKey created = new ApiKeys(ceir().database(), Clock.systemUTC())
                    .create(operator, label, ActorOption.login());
            System.out.println(created.secret());
            System.err.println("ceir: API key " + created.key().prefix() + " (#" + created.key().id() + ") for "
                    + created.key().operator() + ": shown this once; ceir keeps only its hash");
            return 0;
        }
    }

    @Command(name = "list", description = "List the keys (never their secrets), revoked ones too.")
    static final class ListKeys extends CeirCommandBase {
        @Override
        protected int run() {
            List<ApiKeys.ApiKey> keys = new ApiKeys(ceir().database(), Clock.systemUTC()).list();
            System.out.printf("%-5s %-13s %-10s %-28s %-22s %s%n", "ID", "KEY", "OPERATOR", "LABEL", "LAST USED", "STATE");
            for (ApiKeys.ApiKey key : keys) {
                System.out.printf("%-5d %-13s %-10s %-28s %-22s %s%n", key.id(), key.prefix(), key.operator(), key.label(),
                        key.lastUsedAt().map(Object::toString).orElse("never"),
                        key.active() ? "active" : "revoked " + key.revokedAt().orElseThrow() + " by "
                                + key.revokedBy().orElse("?") + ": " + key.revokedReason().orElse(""));
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a key: requests with it are refused (within 30 s on running servers).")
    static final class Revoke extends CeirCommandBase {
        @Parameters(paramLabel = "KEY", description = "The key's number or its prefix (ceir apikeys list).")
        String key;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the audit log.")
        String reason;

        @Override
        protected int run() {
            ApiKeys.ApiKey revoked = new ApiKeys(ceir().database(), Clock.systemUTC())
                    .revoke(key, ActorOption.login(), reason);
            System.out.println("revoked API key " + revoked.prefix() + " of " + revoked.operator());
            return 0;
        }
    }
}
