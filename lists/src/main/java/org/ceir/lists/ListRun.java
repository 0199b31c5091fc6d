package org.ceir.lists;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One list export and what it wrote.
 *
 * @param status    RUNNING, SUCCEEDED or FAILED
 * @param asOf      the day the engine's policy was applied for
 * @param baseRun   the run its deltas are measured from; empty: the deltas hold the whole lists
 * @param trigger   COMMAND or SCHEDULE
 * @param outputDir where its files were written, if anywhere
 * @param files     its files, as in its manifest (empty until it succeeds)
 * @param counts    per file of a full list: rows, and rows added, removed and changed since the run before
 * @param failure   why it failed
 * @param pruned    when keeping the last runs removed its files and history
 */
public record ListRun(long id, String status, LocalDate asOf, Optional<Long> baseRun, String trigger,
                      Optional<Path> outputDir, List<ListFile> files, Map<String, Map<String, Long>> counts,
                      Optional<String> failure, String startedBy, Instant startedAt, Optional<Instant> finishedAt,
                      Optional<Instant> pruned) {

    public boolean succeeded() {
        return status.equals("SUCCEEDED");
    }

    /** The file of this name, if the run wrote it. */
    public Optional<ListFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
