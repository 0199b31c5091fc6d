package org.ceir.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.ceir.diameter.DiameterSettings;
import org.ceir.diameter.S13Server;
import org.ceir.eir.CheckEngine;
import org.ceir.ingest.ImportQueue;
import org.ceir.lists.ApiKeys;
import org.ceir.lists.ListRuns;
import org.ceir.sbi.N5gEirServer;
import org.ceir.sbi.SbiSettings;
import org.ceir.web.WebFeatures;
import org.ceir.web.WebServer;
import org.ceir.web.WebSettings;

/**
 * The check engine and every front-end that answers from it ({@code ceir serve}), started and
 * stopped together: front-ends stop first, so that no check arrives after the engine has written
 * its last counts.
 */
public final class CheckService implements AutoCloseable {
    /** The Diameter S13 front-end's {@link Door#name()}. */
    public static final String S13 = "S13";
    /** The N5g-eir front-end's {@link Door#name()}. */
    public static final String N5G_EIR = "N5g-eir";
    /** The web front-end's {@link Door#name()}: public pages, console, REST API with the HTTP check. */
    public static final String WEB = "web";

    private final CheckEngine engine;
    private final List<AutoCloseable> frontEnds;
    private final List<Door> doors;

    /**
     * A front-end listening for checks.
     *
     * @param name     what it is, e.g. {@code N5g-eir}
     * @param protocol how it is asked, for people
     * @param host     the address it is bound to
     * @param port     the port it is bound to
     * @param url      where to point a client
     */
    public record Door(String name, String protocol, String host, int port, String url) {
        @Override
        public String toString() {
            return String.format("%-9s %-26s %s", name, protocol, url);
        }
    }

    private CheckService(CheckEngine engine, List<AutoCloseable> frontEnds, List<Door> doors) {
        this.engine = engine;
        this.frontEnds = frontEnds;
        this.doors = doors;
    }

    /** Loads the register into the engine, then starts the front-ends; {@code progress} hears about each step. */
    public static CheckService start(Ceir ceir, MeterRegistry meters, Consumer<String> progress) {
        CheckEngine engine = CheckEngine.start(ceir.database(), ceir.settings().eir(), ceir.settings().country(),
                meters, progress);
        List<AutoCloseable> frontEnds = new ArrayList<>();
        List<Door> doors = new ArrayList<>();
        try {
            DiameterSettings diameter = ceir.settings().diameter();
            S13Server s13 = new S13Server(diameter, engine, meters);
            frontEnds.add(s13);
            int s13Port = s13.start();
            doors.add(new Door(S13, "4G, Diameter over TCP", diameter.host(), s13Port,
                    "aaa://" + reachable(diameter.host()) + ":" + s13Port + ";transport=tcp (realm "
                            + diameter.originRealm() + ")"));

            SbiSettings sbi = ceir.settings().sbi();
            N5gEirServer n5gEir = new N5gEirServer(sbi, engine, meters);
            frontEnds.add(n5gEir);
            int port = n5gEir.start();
            doors.add(new Door(N5G_EIR, "5G, HTTP/2 cleartext", sbi.host(), port,
                    "http://" + reachable(sbi.host()) + ":" + port + "/n5g-eir-eic/v1/equipment-status"));

            WebSettings web = ceir.settings().web();
            // One queue for both doors that take files (the console's imports, the operators' API);
            // closed after the web server, which stops sending it files first.
            ImportQueue imports = ceir.importQueue();
            frontEnds.add(imports);
            imports.start();
            WebFeatures features = new WebFeatures(Optional.of(ceir.registration().desk()),
                    Optional.of(ceir.appeals()), new WebFeatures.Operators(
                    new ApiKeys(ceir.database(), Clock.systemUTC()), new ListRuns(ceir.database()),
                    ceir.settings().lists().uploadMaxBytes()), Optional.of(ConsoleSettings.services(ceir)))
                    .withReports(ceir.reports()).withImports(imports);
            WebServer webServer = new WebServer(web, ceir.database(), engine, meters, features);
            frontEnds.add(webServer);
            port = webServer.start();
            doors.add(new Door(WEB, "pages, console, REST API", web.bindAddress(), port,
                    "http://" + reachable(web.bindAddress()) + ":" + port + "/ (check: /api/v1/check)"));
            return new CheckService(engine, frontEnds, doors);
        } catch (RuntimeException e) {
            closeAll(frontEnds);
            engine.close();
            throw e;
        }
    }

    public CheckEngine engine() {
        return engine;
    }

    /** The front-ends listening, in the order they started. */
    public List<Door> doors() {
        return Collections.unmodifiableList(doors);
    }

    /** The front-end of this name, if it runs. */
    public Optional<Door> door(String name) {
        return doors.stream().filter(door -> door.name().equals(name)).findFirst();
    }

    /** An address a client on this machine can use for a server bound to {@code host}. */
    public static String reachable(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    @Override
    public void close() {
        closeAll(frontEnds);
        engine.close();
    }

    private static void closeAll(List<AutoCloseable> frontEnds) {
        for (int i = frontEnds.size() - 1; i >= 0; i--) {
            try {
                frontEnds.get(i).close();
            } catch (Exception e) {
                System.err.println("ceir: stopping a front-end failed: " + e.getMessage());
            }
        }
    }
}
