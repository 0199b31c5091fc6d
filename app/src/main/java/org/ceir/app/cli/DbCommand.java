package org.ceir.app.cli;

import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.ceir.app.Ceir;
import org.ceir.store.Database;
import org.ceir.store.StoreStatus;
import picocli.CommandLine.Command;

/** {@code ceir db …}: where the data lives and the state of its schema. */
@Command(name = "db", description = "The database: where it is, its schema, what it holds.",
        subcommands = {DbCommand.Status.class, DbCommand.Migrate.class})
public final class DbCommand {

    @Command(name = "status", description = "Start (or attach to) the database, migrate it, and print its state.")
    static final class Status extends CeirCommandBase {
        @Override
        protected int run() {
            Ceir ceir = ceir();
            Database database = ceir.database();
            PrintStream out = System.out;
            out.println("data       " + database.description());
            out.println("home       " + ceir.home());
            out.println("settings   " + ceir.settings().file().map(Object::toString).orElse("built-in defaults")
                    + " + environment");
            database.transaction(connection -> {
                try (PreparedStatement query = connection.prepareStatement("SHOW server_version");
                     ResultSet row = query.executeQuery()) {
                    row.next();
                    out.println("server     PostgreSQL " + row.getString(1));
                }
                out.println("schema     version " + StoreStatus.schemaVersion(connection)
                        + (ceir.migrationsApplied().isEmpty() ? "" : ", just applied " + ceir.migrationsApplied()));
                out.println("country    " + ceir.settings().country().name() + " (MCC " + ceir.settings().country().mcc()
                        + ", +" + ceir.settings().country().countryCode() + ")");
                out.println("rows");
                for (Map.Entry<String, String> count : StoreStatus.rowCounts(connection).entrySet()) {
                    out.printf("  %-18s %s%n", count.getKey(), count.getValue());
                }
                return null;
            });
            return 0;
        }
    }

    @Command(name = "migrate", description = "Bring the schema to the newest version (every command also does this).")
    static final class Migrate extends CeirCommandBase {
        @Override
        protected int run() {
            Ceir ceir = ceir();
            ceir.database();
            List<String> applied = ceir.migrationsApplied();
            System.out.println(applied.isEmpty() ? "schema is up to date"
                    : "applied " + applied.size() + " migration(s): " + String.join(", ", applied));
            return 0;
        }
    }
}
