package org.ceir.web;

import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceir.store.Database;

/**
 * {@code GET /health} (is the database reachable?) and {@code GET /metrics} (the Prometheus text
 * format from the registry the server was given, or the Prometheus registry inside a composite).
 */
final class SystemRoutes implements RouteGroup {
    private final Database database;
    private final MeterRegistry meters;

    SystemRoutes(Database database, MeterRegistry meters) {
        this.database = database;
        this.meters = meters;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/health", Access.PUBLIC, this::health),
                Route.get("/metrics", Access.PUBLIC, this::metrics));
    }

    private void health(Context ctx) {
        String databaseStatus;
        try {
            databaseStatus = database.transaction(connection -> {
                try (PreparedStatement ping = connection.prepareStatement("SELECT 1")) {
                    ping.setQueryTimeout(2);
                    ping.execute();
                }
                return "UP";
            });
        } catch (RuntimeException e) {
            databaseStatus = "DOWN";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseStatus.equals("UP") ? "UP" : "DEGRADED");
        body.put("checks", Map.of("database", databaseStatus));
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, databaseStatus.equals("UP") ? 200 : 503, "application/json", body);
    }

    private void metrics(Context ctx) {
        PrometheusMeterRegistry prometheus = prometheus(meters).orElseThrow(() -> new Problem(404, "not-found",
                "this server was started without a Prometheus meter registry"));
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape());
    }

    private static Optional<PrometheusMeterRegistry> prometheus(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry inner : composite.getRegistries()) {
                Optional<PrometheusMeterRegistry> found = prometheus(inner);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
