package org.ceir.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ceir.app.Ceir;
import org.ceir.app.config.Settings;
import picocli.CommandLine.Option;

/**
 * What every command shares: where the data lives ({@code --home}, {@code --db}), which
 * configuration to read ({@code --config}), and a {@link Ceir} opened on first use and closed when
 * the command ends.
 */
public abstract class CeirCommandBase implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Where ceir keeps its data and settings (default: $CEIR_HOME, else ./ceir-data).")
    Path home;

    @Option(names = "--db", paramLabel = "URL",
            description = "An external PostgreSQL (jdbc:postgresql://host/db?user=…); default: $CEIR_DB_URL,"
                    + " else the embedded one under the home directory.")
    String dbUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML settings file (default: $CEIR_CONFIG, else HOME/ceir.yaml if present).")
    Path config;

    private Ceir ceir;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } finally {
            if (ceir != null) {
                ceir.close();
            }
        }
    }

    /** The command's work; returns the exit code. */
    protected abstract int run() throws Exception;

    /** The process's wiring, created on first use from the options and the environment. */
    protected Ceir ceir() {
        if (ceir == null) {
            Map<String, String> env = System.getenv();
            Path resolvedHome = resolvedHome();
            Optional<Path> file = Optional.ofNullable(config)
                    .or(() -> Optional.ofNullable(env.get("CEIR_CONFIG")).filter(s -> !s.isBlank()).map(Path::of))
                    .or(() -> Optional.of(resolvedHome.resolve("ceir.yaml")).filter(java.nio.file.Files::isRegularFile));
            Map<String, String> overrides = new HashMap<>();
            if (dbUrl != null) {
                overrides.put("db.url", dbUrl);
            }
            ceir = new Ceir(resolvedHome, Settings.load(file, env, overrides), System.err);
        }
        return ceir;
    }

    /** The home directory: {@code --home}, else {@code $CEIR_HOME}, else {@code ./ceir-data}; absolute. */
    protected Path resolvedHome() {
        Path chosen = home != null ? home : Path.of(Optional.ofNullable(System.getenv("CEIR_HOME"))
                .filter(s -> !s.isBlank()).orElse("ceir-data"));
        return chosen.toAbsolutePath().normalize();
    }
}
