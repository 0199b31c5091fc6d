package org.ceir.app;

import java.io.PrintWriter;

import org.ceir.app.cli.ApiKeysCommand;
import org.ceir.app.cli.AppealsCommand;
import org.ceir.app.cli.AuditCommand;
import org.ceir.app.cli.CasesCommand;
import org.ceir.app.cli.CheckCommand;
import org.ceir.app.cli.DbCommand;
import org.ceir.app.cli.DemoCommand;
import org.ceir.app.cli.DetectCommand;
import org.ceir.app.cli.DutyCommand;
import org.ceir.app.cli.ImeiCommand;
import org.ceir.app.cli.ImportCommand;
import org.ceir.app.cli.ImportsCommand;
import org.ceir.app.cli.ListsCommand;
import org.ceir.app.cli.NotifyCommand;
import org.ceir.app.cli.PaymentsCommand;
import org.ceir.app.cli.RegisterCommand;
import org.ceir.app.cli.RegistrationsCommand;
import org.ceir.app.cli.ReportCommand;
import org.ceir.app.cli.ServeCommand;
import org.ceir.app.cli.ShowCommand;
import org.ceir.app.cli.SimulateCommand;
import org.ceir.app.cli.StolenCommand;
import org.ceir.app.cli.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ceir} command line. */
@Command(name = "ceir", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"ceir, an open Central Equipment Identity Register: which phones may use a country's networks.",
            "",
            "Every command takes --home DIR, --db URL and --config FILE; see ceir COMMAND --help."},
        subcommands = {DemoCommand.class, ServeCommand.class, CheckCommand.class, ImeiCommand.class, DbCommand.class,
            SimulateCommand.class, ImportCommand.class, ImportsCommand.class, DetectCommand.class, ShowCommand.class,
            CasesCommand.class, RegisterCommand.class, RegistrationsCommand.class, DutyCommand.class,
            PaymentsCommand.class, StolenCommand.class, NotifyCommand.class, AppealsCommand.class, AuditCommand.class,
            ListsCommand.class, ApiKeysCommand.class, UsersCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; returns the exit code (0 success, 1 failure, 2 bad usage). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            command.getErr().println("ceir: " + Errors.explain(exception));
            if (System.getenv("CEIR_DEBUG") != null) {
                exception.printStackTrace(command.getErr());
            }
            return 1;
        });
        commandLine.setParameterExceptionHandler((exception, commandArgs) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("ceir: " + exception.getMessage());
            err.println("see: ceir " + qualifiedName(exception.getCommandLine()) + " --help");
            return 2;
        });
        return commandLine.execute(args);
    }

    private static String qualifiedName(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName(" ");
        return name.startsWith("ceir ") ? name.substring(5) : "";
    }

    /** The version in the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ceir " + (version == null ? "development" : version)};
        }
    }
}
