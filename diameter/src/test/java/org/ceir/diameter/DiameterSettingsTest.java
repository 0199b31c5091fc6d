package org.ceir.diameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DiameterSettingsTest {

    private static DiameterSettings settings(List<DiameterPeer> peers, int watchdogSeconds, int maxMessageBytes) {
        return new DiameterSettings("127.0.0.1", 3868, "eir.example", "example", peers, watchdogSeconds,
                maxMessageBytes, 10, 10, 10, 10, 0);
    }

    @Test
    void constructor_softValuesClamped() {
        DiameterSettings settings = settings(List.of(), 2, 100_000_000);

        assertThat(settings.watchdogSeconds()).isEqualTo(6);
        assertThat(settings.maxMessageBytes()).isEqualTo(0xfffffc);
        assertThat(settings(List.of(), 30, 10).maxMessageBytes()).isEqualTo(1024);
    }

    @Test
    void constructor_contradictionsNameTheSetting() {
        assertThatThrownBy(() -> new DiameterSettings(" ", 3868, "eir", "realm", List.of(), 30, 8192, 1, 1, 1, 1, 0))
                .hasMessageStartingWith("diameter.host is empty");
        assertThatThrownBy(() -> new DiameterSettings("::", -1, "eir", "realm", List.of(), 30, 8192, 1, 1, 1, 1, 0))
                .hasMessageStartingWith("diameter.port -1");
        assertThatThrownBy(() -> new DiameterSettings("::", 1, "eir host", "realm", List.of(), 30, 8192, 1, 1, 1, 1, 0))
                .hasMessageStartingWith("diameter.origin-host 'eir host'");
        assertThatThrownBy(() -> new DiameterSettings("::", 1, "eir", "realm", List.of(), 30, 8192, 0, 1, 1, 1, 0))
                .hasMessageStartingWith("diameter.max-connections 0");
        assertThatThrownBy(() -> new DiameterSettings("::", 1, "eir", "realm", List.of(), 30, 8192, 1, 0, 1, 1, 0))
                .hasMessageStartingWith("diameter.cer-timeout-seconds 0");
        assertThatThrownBy(() -> new DiameterSettings("::", 1, "eir", "realm", List.of(), 30, 8192, 1, 1, 1, 1, -1))
                .hasMessageStartingWith("diameter.io-threads -1");
    }

    @Test
    void constructor_peersCheckedOneByOne() {
        assertThatThrownBy(() -> settings(List.of(new DiameterPeer("", "", "azercell")), 30, 8192))
                .hasMessageStartingWith("diameter.peers[0].realm is empty");
        assertThatThrownBy(() -> settings(List.of(new DiameterPeer("", "r", "azercell"),
                new DiameterPeer("", "R", "bakcell")), 30, 8192))
                .hasMessage("diameter.peers[1] repeats any host of realm R: each peer may map to one operator only");
        assertThatThrownBy(() -> settings(List.of(new DiameterPeer("mme", "r", "")), 30, 8192))
                .hasMessageStartingWith("diameter.peers[0].operator ''");
    }

    @Test
    void peerTable_hostBeatsRealmAndCaseDoesNotMatter() {
        PeerTable table = new PeerTable(settings(List.of(new DiameterPeer("", "epc.op", "one"),
                new DiameterPeer("MME9.epc.op", "epc.op", "two")), 30, 8192).peers());

        assertThat(table.match("mme1.epc.op", "EPC.OP").operator()).isEqualTo("one");
        assertThat(table.match("mme9.EPC.op", "epc.op").operator()).isEqualTo("two");
        assertThat(table.match("mme9.epc.op", "other")).isNull();
    }
}
