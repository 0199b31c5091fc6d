package org.ceir.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Files imported in queues side by side, as {@code ceir import} and {@code ceir demo} do. Operator
 * files make a queue per operator, each in name order (its dates), different operators' at the same
 * time: one operator's imports wait for each other anyway (its lock), and a day's bitmask is only
 * checked against the days before it once they are in.
 */
public final class FileQueues {
    private FileQueues() {
    }

    /** The files per operator (the name before {@code _<start>_<end>}), operators and each one's files in name order. */
    public static List<List<Path>> byOperator(List<Path> files) {
        Map<String, List<Path>> queues = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String operator = name.replaceFirst("_[^_]*_[^_]*$", "");
            queues.computeIfAbsent(operator, o -> new ArrayList<>()).add(file);
        }
        List<List<Path>> sorted = new ArrayList<>();
        for (List<Path> queue : queues.values()) {
            queue.sort(Comparator.comparing(p -> p.getFileName().toString()));
            sorted.add(queue);
        }
        return sorted;
    }

    /**
     * Runs {@code importOne} on each queue's files in turn, the queues side by side on up to
     * {@code threads} threads, and waits for all; the first exception {@code importOne} lets out is
     * thrown here, and the imports still running are interrupted.
     */
    public static void run(List<List<Path>> queues, int threads, Consumer<Path> importOne) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, queues.size())));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Path> queue : queues) {
                running.add(pool.submit(() -> queue.forEach(importOne)));
            }
            for (Future<?> queue : running) {
                queue.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
