package org.ceir.sim;

/** Told how a simulation is going; called from the thread that runs it. */
public interface SimulationProgress {
    /** A step begins, e.g. "building the population". */
    void step(String description);

    /** Operator files: {@code done} of {@code total} written, {@code rows} rows so far. */
    void files(int done, int total, long rows, long elapsedNanos);

    /** Says nothing. */
    SimulationProgress SILENT = new SimulationProgress() {
        @Override
        public void step(String description) {
        }

        @Override
        public void files(int done, int total, long rows, long elapsedNanos) {
        }
    };
}
