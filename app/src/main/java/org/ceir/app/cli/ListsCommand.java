package org.ceir.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceir.app.Ceir;
import org.ceir.lists.ListExporter;
import org.ceir.lists.ListFile;
import org.ceir.lists.ListRun;
import org.ceir.lists.ListRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ceir lists …}: the DIRBS lists for operators, exported and looked back on. */
@Command(name = "lists", description = "The blacklist and the operators' notification and exception lists.",
        subcommands = {ListsCommand.Export.class, ListsCommand.Runs.class})
public final class ListsCommand {

    @Command(name = "export", description = {
        "Export the lists as the check engine decides today: blacklist.csv, notifications_<op>.csv and",
        "exceptions_<op>.csv in full and as _delta files since a base run (added, removed, changed), and",
        "manifest.json with each file's rows and SHA-256. The same state gives the same bytes."})
    static final class Export extends CeirCommandBase {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the files go (a new or empty folder).")
        Path out;

        @Option(names = "--base", paramLabel = "RUN", description = "The run the deltas are measured from (default: the latest).")
        Long base;

        @Option(names = "--overwrite", description = "Replace the files of an earlier export in DIR.")
        boolean overwrite;

        @Override
        protected int run() {
            Ceir ceir = ceir();
            ListExporter.Result result = ceir.listExporter().export(new ListExporter.Request(out, Optional.ofNullable(base),
                    "COMMAND", ActorOption.login(), overwrite), line -> System.err.println("ceir: " + line));
            ListRun run = result.run();
            System.out.printf("list run %d for %s%s: %,d IMEIs decided in %.1f s%n", run.id(), run.asOf(),
                    run.baseRun().map(b -> ", deltas since run " + b).orElse(", deltas hold the whole lists"),
                    result.imeis(), result.took().toMillis() / 1000.0);
            for (ListFile file : run.files()) {
                Map<String, Long> counts = run.counts().getOrDefault(file.name(), Map.of());
                System.out.printf("  %-36s %,12d rows%s%n", file.name(), file.rows(), counts.isEmpty() ? ""
                        : String.format("  (+%,d −%,d ~%,d)", counts.get("added"), counts.get("removed"), counts.get("changed")));
            }
            System.out.println("  " + result.manifest());
            return 0;
        }
    }

    @Command(name = "runs", description = "List the exports, newest first.")
    static final class Runs extends CeirCommandBase {
        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default 20).")
        int limit;

        @Override
        protected int run() {
            List<ListRun> runs = new ListRuns(ceir().database()).history(limit);
            System.out.printf("%-5s %-10s %-10s %-6s %-9s %-22s %s%n", "RUN", "STATUS", "AS OF", "BASE", "TRIGGER",
                    "FINISHED", "WHERE");
            for (ListRun run : runs) {
                System.out.printf("%-5d %-10s %-10s %-6s %-9s %-22s %s%n", run.id(), run.status(), run.asOf(),
                        run.baseRun().map(String::valueOf).orElse("-"), run.trigger(),
                        run.finishedAt().map(Object::toString).orElse("-"),
                        run.pruned().isPresent() ? "(pruned)" : run.failure().orElse(run.outputDir().map(Path::toString).orElse("")));
            }
            return 0;
        }
    }
}
