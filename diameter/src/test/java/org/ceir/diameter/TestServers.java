package org.ceir.diameter;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.check.EquipmentCheck;

/** Servers for tests: loopback, an ephemeral port, short limits. */
final class TestServers {
    static final String HOST = "eir.ceir.test";
    static final String REALM = "ceir.test";

    private TestServers() {
    }

    static DiameterSettings settings() {
        return new DiameterSettings("127.0.0.1", 0, HOST, REALM, List.of(
                new DiameterPeer(RawPeer.MME.host(), RawPeer.MME.realm(), "azercell"),
                new DiameterPeer("", "epc.mnc002.mcc400.3gppnetwork.org", "bakcell")),
                30, 4096, 8, 10, 10, 10, 1);
    }

    /** Limits of a fraction of a second, so that timeouts can be watched in a test. */
    static ServerLimits fastLimits(Duration watchdog) {
        return new ServerLimits(watchdog, Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(500), Duration.ofMillis(300), 4096, 8);
    }

    static S13Server start(EquipmentCheck check, MeterRegistry registry) {
        return new S13Server(settings(), check, registry);
    }

    static S13Server start(EquipmentCheck check, MeterRegistry registry, ServerLimits limits) {
        return new S13Server(settings(), check, registry, limits);
    }

    static SimpleMeterRegistry registry() {
        return new SimpleMeterRegistry();
    }

    static S13ClientSettings client(int port) {
        return S13ClientSettings.of("127.0.0.1", port, RawPeer.MME.host(), RawPeer.MME.realm(), REALM);
    }

    static double count(MeterRegistry registry, String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
