package org.ceir.ingest;

/**
 * How to import one file.
 *
 * @param checks false to skip the data-quality checks (ratios, history, dates against the file
 *               name); recorded in the import's history and report. Structural errors (a wrong
 *               header, an unknown operator, a truncated file) still refuse the file.
 * @param delta  for the lists: the file holds changes ({@code change_type} add, remove, update)
 *               instead of the whole list
 * @param actor  who imports, for the history and the audit log
 */
public record ImportOptions(boolean checks, boolean delta, String actor) {
    public ImportOptions {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an import needs the name of who runs it");
        }
    }

    /** Checks on, full file, run by {@code actor}. */
    public static ImportOptions by(String actor) {
        return new ImportOptions(true, false, actor);
    }

    public ImportOptions withChecks(boolean on) {
        return new ImportOptions(on, delta, actor);
    }

    public ImportOptions withDelta(boolean on) {
        return new ImportOptions(checks, on, actor);
    }
}
