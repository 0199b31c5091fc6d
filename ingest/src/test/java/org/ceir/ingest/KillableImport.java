package org.ceir.ingest;

import java.nio.file.Path;
import java.util.Optional;

import org.ceir.store.Database;

/**
 * A child JVM's import, for {@link KilledImportTest}: imports one operator file into the database
 * at a URL, saying each phase on stdout so the test knows when to kill it.
 */
public final class KillableImport {
    private KillableImport() {
    }

    public static void main(String[] args) {
        try (Database database = Database.connect(args[0], null, null, 2)) {
            ImportListener phases = new ImportListener() {
                @Override
                public void phase(String file, String phase) {
                    System.out.println("PHASE " + phase);
                    System.out.flush();
                }
            };
            new Importer(database, Fixtures.TESTLAND, IngestSettings.defaults(), Optional.empty(), phases)
                    .importOperator(Path.of(args[1]), Fixtures.options());
            System.out.println("DONE");
        }
    }
}
