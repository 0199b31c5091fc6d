package org.ceir.ingest;

import java.util.ArrayList;
import java.util.List;

/** A count of rows with one property, and the first few of them as samples for the report. */
final class Tally {
    private final int maxSamples;
    private final List<String> samples = new ArrayList<>();
    private long count;

    Tally(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    void add(LineReader line) {
        count++;
        if (samples.size() < maxSamples) {
            samples.add("line " + line.lineNumber() + ": " + line.text());
        }
    }

    void add(long lineNumber, String text) {
        count++;
        if (samples.size() < maxSamples) {
            samples.add("line " + lineNumber + ": " + text);
        }
    }

    long count() {
        return count;
    }

    List<String> samples() {
        return List.copyOf(samples);
    }
}
