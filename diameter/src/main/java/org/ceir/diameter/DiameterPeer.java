package org.ceir.diameter;

/**
 * A Diameter peer allowed to connect (an operator's MME, SGSN or DRA), and the operator whose
 * checks it asks. Checked in {@link DiameterSettings}, which names the entry when one is wrong.
 *
 * @param host     its Origin-Host, or empty for any host of the realm
 * @param realm    its Origin-Realm, e.g. {@code epc.mnc001.mcc400.3gppnetwork.org} (TS 23.003 §19.2)
 * @param operator the operator code its checks count under (e.g. {@code azercell})
 */
public record DiameterPeer(String host, String realm, String operator) {
    public DiameterPeer {
        host = host == null ? "" : host.strip();
        realm = realm == null ? "" : realm.strip();
        operator = operator == null ? "" : operator.strip();
    }

    /** e.g. {@code mme1.example.org (realm example.org, operator azercell)} or {@code any host of realm …}. */
    @Override
    public String toString() {
        return (host.isEmpty() ? "any host" : host) + " of realm " + realm + " (operator " + operator + ")";
    }
}
