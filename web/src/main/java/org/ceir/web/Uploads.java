package org.ceir.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files people and systems send (importers' batches): kept in a temporary directory under their
 * own name while the import reads them, then removed.
 */
final class Uploads {
    private Uploads() {
    }

    /** The file's own name (it goes into the import history), without any path a browser sent. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "batch" + base;
        }
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }

    /** Removes a temporary directory and what is in it. */
    static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is the operating system's to clean
        }
    }
}
