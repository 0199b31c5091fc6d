package org.ceir.app.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.ceir.ingest.ImportListener;

/**
 * Shows an import's progress: on a terminal a bar redrawn in place with rows/s and the time left;
 * otherwise (a log, a pipe) a plain line every few seconds.
 */
final class ProgressPrinter implements ImportListener {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long started;
    private long lastDrawn;
    private boolean barShown;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A terminal when the JVM has a console (stdin and stdout are terminals) and TERM is not dumb. */
    static ProgressPrinter forStderr() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressPrinter(System.err, terminal);
    }

    /** Plain lines on stderr, never a bar: for files read at the same time. */
    static ProgressPrinter lines() {
        return new ProgressPrinter(System.err, false);
    }

    @Override
    public synchronized void phase(String file, String phase) {
        if (phase.equals("reading")) {
            started = System.nanoTime();
            lastDrawn = started;
        }
        endBar();
        if (!terminal || !phase.equals("reading")) {
            out.println("ceir: " + file + ": " + phase);
        }
    }

    @Override
    public synchronized void progress(String file, long bytesRead, long bytesTotal, long rows) {
        long now = System.nanoTime();
        boolean done = bytesRead >= bytesTotal;
        if (!done && now - lastDrawn < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double share = bytesTotal == 0 ? 1 : Math.min(1, (double) bytesRead / bytesTotal);
        double rate = rows / seconds;
        long eta = share <= 0 ? -1 : Math.round(seconds / share - seconds);
        String figures = String.format(Locale.ROOT, "%3.0f%%  %,d rows  %,.0f rows/s  ETA %s", share * 100, rows, rate,
                eta < 0 ? "?" : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60));
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(share * width);
            out.print("\rceir: " + file + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + figures + "  ");
            out.flush();
            barShown = true;
            if (done) {
                endBar();
            }
        } else {
            out.println("ceir: " + file + ": read " + figures);
        }
    }

    /** Ends the bar's line so what follows starts on a new one. */
    synchronized void endBar() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }
}
