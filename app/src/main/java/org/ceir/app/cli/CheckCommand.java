package org.ceir.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ceir.app.Ceir;
import org.ceir.app.CheckService;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.Imsi;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.diameter.DiameterPeer;
import org.ceir.diameter.DiameterSettings;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.sbi.SbiSettings;
import org.ceir.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ceir check IMEI}: what the network would be told about a device (with a SIM), decided by
 * the check engine in this process from the register as it is now.
 */
@Command(name = "check", description = {
    "Decide a device check as the network would get it: verdict, reason and days left to register.",
    "By default runs the check engine in this process on the IMEI's state in the register; it counts",
    "nothing and records no first sighting (a person looking a device up is not a network attach).",
    "With --via diameter, 5g or http it asks a running ceir serve instead, as a network does (counted like one)."})
public final class CheckCommand extends CeirCommandBase {
    @Parameters(paramLabel = "IMEI", description = "The IMEI (14 or 15 digits, or a 16-digit IMEISV).")
    String imei;

    @Option(names = "--imsi", paramLabel = "IMSI", description = "The SIM's IMSI (decides whether a clone's SIM is paired).")
    String imsi;

    @Option(names = "--msisdn", paramLabel = "NUMBER", description = "The SIM's phone number (+994…, or national).")
    String msisdn;

    @Option(names = "--operator", paramLabel = "CODE", description = "The asking operator's code (e.g. azercell).")
    String operator;

    @Option(names = "--via", paramLabel = "DOOR", defaultValue = "engine", description = {
        "Who decides: engine (the check engine in this process, the default); or a running ceir serve,",
        "asked as a network asks it: diameter (S13, as an MME of --operator's network; the status only),",
        "5g (N5g-eir, as an AMF; the status only) or http (the REST API, as an operator's system;",
        "needs --user)."})
    String via;

    @Option(names = "--user", paramLabel = "NAME", description = {
        "For --via http: an OPERATOR account; the password comes from $CEIR_PASSWORD, else it is asked",
        "for (or read from the first line of stdin)."})
    String user;

    @Option(names = "--server", paramLabel = "HOST:PORT",
            description = "The server --via asks (default: this configuration's address for that door).")
    String server;

    @Override
    protected int run() throws IOException, InterruptedException {
        Ceir ceir = ceir();
        String imsiDigits = imsi == null ? null : Imsi.parse(imsi).digits();
        String msisdnDigits = msisdn == null ? null : ceir.numberingPlan().parseMsisdn(msisdn).digits();
        if (operator != null) {
            ceir.settings().country().operator(operator);
        }
        List<String> notes = new ArrayList<>();
        String sent = asTheNetworkSendsIt(imei, notes);
        long key = Imei.networkKey(sent);
        switch (via) {
            case "engine":
                viaEngine(ceir, sent, key, imsiDigits, msisdnDigits);
                break;
            case "diameter":
            case "5g":
            case "http":
                viaServer(ceir, sent, key, imsiDigits, msisdnDigits);
                break;
            default:
                throw new IllegalArgumentException("--via " + via + ": one of engine, diameter, 5g, http");
        }
        notes.forEach(note -> System.out.println("note       " + note));
        return 0;
    }

    private void viaEngine(Ceir ceir, String sent, long key, String imsiDigits, String msisdnDigits) {
        EirSettings settings = ceir.settings().eir();
        int verdict;
        DeviceState state;
        LocalDate today;
        try (CheckEngine engine = key == Imei.UNUSABLE
                ? CheckEngine.lookup(ceir.database(), settings, ceir.settings().country())
                : CheckEngine.lookup(ceir.database(), settings, ceir.settings().country(), key)) {
            verdict = engine.check(sent, imsiDigits, msisdnDigits, operator);
            state = key == Imei.UNUSABLE ? null : engine.describe(key);
            today = engine.today();
        }
        PrintStream out = System.out;
        printImei(key);
        out.println("verdict    " + Verdict.outcome(verdict) + statusNote(Verdict.outcome(verdict)));
        out.println("reason     " + Verdict.reason(verdict) + ": " + explain(verdict, today, settings));
        if (state != null) {
            out.println("register   " + describe(state));
        }
    }

    /** Asks a running ceir serve through one of its doors, as a network would. */
    private void viaServer(Ceir ceir, String sent, long key, String imsiDigits, String msisdnDigits)
            throws IOException, InterruptedException {
        RemoteCheck answer;
        if (via.equals("diameter")) {
            DiameterSettings diameter = ceir.settings().diameter();
            String host = server == null ? CheckService.reachable(diameter.host()) : serverHost();
            int port = server == null ? diameter.port() : serverPort();
            answer = RemoteCheck.s13(host, port, peerFor(diameter), diameter.originRealm(), sent, imsiDigits);
        } else if (via.equals("5g")) {
            SbiSettings sbi = ceir.settings().sbi();
            String host = server == null ? CheckService.reachable(sbi.host()) : serverHost();
            int port = server == null ? sbi.port() : serverPort();
            answer = RemoteCheck.n5gEir(host, port, key == Imei.UNUSABLE ? sent : Imei.ofKey(key).toString(),
                    imsiDigits, msisdnDigits);
        } else {
            if (user == null) {
                throw new IllegalArgumentException("--via http needs --user NAME: the check API answers operators only");
            }
            WebSettings web = ceir.settings().web();
            String host = server == null ? CheckService.reachable(web.bindAddress()) : serverHost();
            int port = server == null ? web.port() : serverPort();
            answer = RemoteCheck.http(host, port, user, password(), sent, imsiDigits, msisdnDigits);
        }
        printImei(key);
        System.out.println("verdict    " + answer.outcome() + statusNote(answer.outcome()));
        answer.reason().ifPresent(reason -> System.out.println("reason     " + reason));
        System.out.println("door       " + answer.answer()
                + (answer.reason().isEmpty() ? " (the status only; --via engine gives the reason)" : ""));
    }

    /** The configured peer to speak as: --operator's, else the first (S13 answers configured peers only). */
    private DiameterPeer peerFor(DiameterSettings diameter) {
        for (DiameterPeer peer : diameter.peers()) {
            if (operator == null || operator.equals(peer.operator())) {
                return peer;
            }
        }
        throw new IllegalArgumentException("--via diameter: no peer in diameter.peers"
                + (operator == null ? "" : " for operator " + operator) + "; the S13 server answers configured peers only");
    }

    private String password() throws IOException {
        String fromEnvironment = System.getenv("CEIR_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", user);
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("--via http: no password for " + user
                    + " (set CEIR_PASSWORD or give it on stdin)");
        }
        return line;
    }

    private String serverHost() {
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server " + server + ": write HOST:PORT, e.g. 127.0.0.1:8081");
        }
        return server.substring(0, colon).replaceAll("^\\[|]$", "");
    }

    private int serverPort() {
        try {
            return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server " + server + ": write HOST:PORT, e.g. 127.0.0.1:8081");
        }
    }

    private static void printImei(long key) {
        System.out.println("IMEI       " + (key == Imei.UNUSABLE ? "(no usable 14-digit body)"
                : Imei.formatKey(key) + " (TAC " + Imei.formatKey(key).substring(0, 8) + ")"));
    }

    /**
     * What a network would send for what a person typed: the 14-digit body when it parses, the
     * digits when only the check digit is off (networks do not judge it), else the value as is.
     */
    private static String asTheNetworkSendsIt(String typed, List<String> notes) {
        try {
            return Imei.parse(typed).body();
        } catch (InvalidIdentityException e) {
            notes.add(e.getMessage());
            if (e.problem() == InvalidIdentityException.Problem.CHECK_DIGIT) {
                notes.add("networks send other digits after the 14th (TS 22.016), so the check keys by the first 14");
                return e.suggestion().map(fixed -> fixed.substring(0, 14)).orElse(typed);
            }
            return typed;
        }
    }

    private static String statusNote(Outcome outcome) {
        switch (outcome) {
            case WHITELISTED:
                return " (may use the network)";
            case BLACKLISTED:
                return " (refused)";
            case GREYLISTED:
                return " (allowed, watched)";
            default:
                return " (the network is told the equipment is unknown)";
        }
    }

    static String explain(int verdict, LocalDate today, EirSettings settings) {
        CheckReason reason = Verdict.reason(verdict);
        int days = Verdict.daysLeft(verdict);
        switch (reason) {
            case MALFORMED_IMEI:
                return "the IMEI has no usable 14-digit body";
            case UNALLOCATED_TAC:
                return "its TAC is not in the GSMA catalogue";
            case STOLEN:
                return "reported lost or stolen";
            case CLONE_PAIRED_SIM:
                return "a clone, used with one of its paired SIMs";
            case CLONE_UNPAIRED_SIM:
                return "a clone, and this SIM is not paired with it: a refused attempt";
            case CLONE_NO_IMSI:
                return "a clone, checked without an IMSI (give --imsi to judge the pairing)";
            case REGISTERED:
                return "registered";
            case EXEMPT_ROAMER:
                return "a foreign SIM (an inbound roamer): exempt from registration";
            case EXEMPT_DEVICE_TYPE:
                return "a device type that needs no registration";
            case EXEMPT_LISTED:
                return "on the exemption list";
            case UNREGISTERED_GRACE:
                return "not registered; " + days + (days == 1 ? " day" : " days") + " left to register (until "
                        + today.plusDays(days - 1L) + ")";
            case UNREGISTERED_EXPIRED:
                return "not registered, and the " + settings.graceDays() + "-day grace period is over";
            case FIRST_SEEN:
                return "never seen on a network; a network check records it as first seen today, which starts "
                        + settings.graceDays() + " days to register";
            default:
                return reason.name();
        }
    }

    private static String describe(DeviceState state) {
        List<String> facts = new ArrayList<>();
        if (state.stolen()) {
            facts.add("stolen");
        }
        if (state.cloned()) {
            facts.add("clone with " + state.pairedSims() + (state.pairedSims() == 1 ? " paired SIM" : " paired SIMs"));
        }
        if (state.suspectedClone()) {
            facts.add("suspected clone");
        }
        if (state.registered()) {
            facts.add("registered");
        }
        if (state.exempt()) {
            facts.add("exempt");
        }
        facts.add(state.firstSeen().map(day -> "first seen " + day).orElse("never seen"));
        return String.join("; ", facts);
    }
}
