package org.ceir.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.ceir.app.Ceir;
import org.ceir.app.FileQueues;
import org.ceir.ingest.ImportException;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportResult;
import org.ceir.ingest.Importer;
import org.ceir.ingest.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir import KIND FILE…}: takes files into the store, all or nothing per file. */
@Command(name = "import", description = {"Import files: operator network data, the TAC catalogue, lists.",
    "Each file is checked and merged all or nothing; importing the same data again changes nothing.",
    "A report per file goes to HOME/reports; `ceir imports` lists past imports."},
        subcommands = {ImportCommand.OperatorData.class, ImportCommand.TacCatalogue.class,
            ImportCommand.Registrations.class, ImportCommand.Stolen.class, ImportCommand.Pairings.class})
public final class ImportCommand {

    /** What the file commands share: opening the importer and running it over files. */
    abstract static class FileCommand extends CeirCommandBase {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The file(s) to import.")
        List<Path> files;

        /** Imports each file in turn; a refused file does not stop the others. Returns the exit code. */
        int importEach(List<Path> paths, ImportOptions options, FileImporter action) {
            return importInQueues(List.of(paths), 1, options, action);
        }

        /**
         * Imports the queues side by side, up to {@code threads} at a time, each queue's files in
         * turn; a refused file does not stop the others. Returns the exit code.
         */
        int importInQueues(List<List<Path>> queues, int threads, ImportOptions options, FileImporter action) {
            Ceir ceir = ceir();
            // A bar redrawn in place would mix files read at the same time: then plain lines.
            ProgressPrinter progress = threads > 1 ? ProgressPrinter.lines() : ProgressPrinter.forStderr();
            Importer importer = new Importer(ceir.database(), ceir.settings().country(),
                    ceir.settings().get(IngestSettings.class), Optional.of(ceir.home().resolve("reports")), progress);
            List<String> refused = Collections.synchronizedList(new ArrayList<>());
            AtomicLong changed = new AtomicLong();
            int files = queues.stream().mapToInt(List::size).sum();
            FileQueues.run(queues, threads, path -> {
                try {
                    ImportResult result = action.run(importer, path, options);
                    progress.endBar();
                    System.out.println(result.summary());
                    changed.addAndGet(result.rowsChanged());
                } catch (ImportException e) {
                    progress.endBar();
                    System.err.println("ceir: " + e.getMessage());
                    refused.add(path.getFileName().toString());
                }
            });
            if (files > 1) {
                System.out.printf("%d file(s): %d imported or already there, %d refused; %,d rows of the store changed%n",
                        files, files - refused.size(), refused.size(), changed.get());
            }
            return refused.isEmpty() ? 0 : 1;
        }
    }

    @FunctionalInterface
    interface FileImporter {
        ImportResult run(Importer importer, Path file, ImportOptions options);
    }

    @Command(name = "operator", description = {"Import operators' network data files:",
        "<operator>_<YYYYMMDD>_<YYYYMMDD>.csv, .csv.gz or .zip; header date,imei,imsi,msisdn[,rat].",
        "Each operator's files are taken in name order (dates); different operators' side by side."})
    static final class OperatorData extends FileCommand {
        @Option(names = "--no-checks", description = "Skip the data-quality checks (recorded in the history and report).")
        boolean noChecks;

        @Option(names = "--parallel", paramLabel = "N",
                description = "Operators imported at the same time (default: the processors).")
        Integer parallel;

        @Override
        protected int run() {
            int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
            if (threads < 1) {
                throw new IllegalArgumentException("--parallel " + threads + ": at least 1");
            }
            return importInQueues(FileQueues.byOperator(files), threads,
                    ImportOptions.by(ActorOption.login()).withChecks(!noChecks), Importer::importOperator);
        }
    }

    @Command(name = "tac", description = {"Import the GSMA TAC catalogue (pipe-separated, plain or zipped):",
        "TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type[|Radio_Interface|Brand_Name|…]."})
    static final class TacCatalogue extends FileCommand {
        @Override
        protected int run() {
            return importEach(files, ImportOptions.by(ActorOption.login()), Importer::importTac);
        }
    }

    /** The list commands: full replacement, or changes with --delta. */
    abstract static class ListCommand extends FileCommand {
        @Option(names = "--delta", description = "The file holds changes (a change_type column: add, remove, update)"
                + " instead of the whole list.")
        boolean delta;

        ImportOptions options() {
            return ImportOptions.by(ActorOption.login()).withDelta(delta);
        }
    }

    @Command(name = "registrations", description = {"Import the registration list (DIRBS columns):",
        "approved_imei,make,model,status[,model_number,brand_name,device_type,radio_interface,device_id]."})
    static final class Registrations extends ListCommand {
        @Override
        protected int run() {
            return importEach(files, options(), Importer::importRegistrations);
        }
    }

    @Command(name = "stolen", description = {"Import the stolen list (DIRBS columns): imei,reporting_date,status."})
    static final class Stolen extends ListCommand {
        @Override
        protected int run() {
            return importEach(files, options(), Importer::importStolen);
        }
    }

    @Command(name = "pairings", description = {"Import the pairing list (DIRBS columns): imei,imsi,msisdn."})
    static final class Pairings extends ListCommand {
        @Override
        protected int run() {
            return importEach(files, options(), Importer::importPairings);
        }
    }
}
