package org.ceir.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.javalin.http.sse.SseClient;
import org.ceir.ingest.ImportQueue;
import org.ceir.ingest.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each followed upload's progress to the browsers on its live page (server-sent events), a
 * few times a second, until its import ends. Progress of an import running in this process is read
 * from the queue's memory, so a slow browser never slows an import and following costs no query;
 * an upload this process does not have (queued or running in another server) is read from the
 * database instead.
 */
final class ImportEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportEvents.class);
    private static final long TICK_MILLIS = 250;

    private final ImportQueue queue;
    private final ScheduledExecutorService ticker;
    private final Map<Long, Followed> followed = new ConcurrentHashMap<>();

    /** One upload's followers and what they were last sent. */
    private static final class Followed {
        final List<SseClient> clients = new CopyOnWriteArrayList<>();
        volatile LiveImport last;
        volatile String sent = "";

        Followed(LiveImport last) {
            this.last = last;
        }
    }

    ImportEvents(ImportQueue queue) {
        this.queue = queue;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ceir-import-events");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A browser following an upload: it gets the state now and every change until the import ends. */
    void follow(Upload upload, SseClient client) {
        LiveImport now = LiveImport.of(upload);
        client.keepAlive();
        send(client, now);
        if (now.finished()) {
            client.close();
            return;
        }
        Followed followers = followed.compute(upload.id(), (id, known) -> {
            Followed them = known == null ? new Followed(now) : known;
            them.clients.add(client);
            return them;
        });
        client.onClose(() -> followers.clients.remove(client));
    }

    /** Sends each followed upload's news to its followers; closes them once it ended. */
    private void tick() {
        for (Map.Entry<Long, Followed> entry : followed.entrySet()) {
            try {
                Followed followers = entry.getValue();
                LiveImport now = current(entry.getKey(), followers.last);
                followers.last = now;
                String event = json(now);
                if (!now.finished() && !event.equals(followers.sent)) {
                    followers.sent = event;
                    followers.clients.forEach(client -> send(client, now));
                }
                // atomically with follow(): a browser that comes meanwhile is told the end here, or kept
                followed.computeIfPresent(entry.getKey(), (id, them) -> {
                    if (now.finished()) {
                        them.clients.forEach(client -> {
                            send(client, now);
                            client.close();
                        });
                        return null;
                    }
                    return them.clients.isEmpty() ? null : them;
                });
            } catch (RuntimeException e) {
                LOG.warn("pushing the progress of upload {} failed: {}", entry.getKey(), e.toString());
            }
        }
    }

    /** Where an upload is: from memory while this process has it, else from the database. */
    private LiveImport current(long id, LiveImport last) {
        Optional<Upload.Progress> here = queue.progress(id);
        if (here.isPresent()) {
            return last.with(here.get());
        }
        return queue.find(id).map(LiveImport::of).orElse(last);
    }

    private static void send(SseClient client, LiveImport now) {
        if (client.terminated()) {
            return;
        }
        try {
            client.sendEvent(now.finished() ? "done" : "progress", json(now));
        } catch (RuntimeException e) {
            client.close();
        }
    }

    private static String json(LiveImport now) {
        try {
            return Json.MAPPER.writeValueAsString(now.snapshot());
        } catch (IOException e) {
            throw new IllegalStateException("an import's progress is not JSON", e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        followed.values().forEach(followers -> followers.clients.forEach(SseClient::close));
    }
}
