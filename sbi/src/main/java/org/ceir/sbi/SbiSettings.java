package org.ceir.sbi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code sbi} section: where the N5g-eir server listens and what it allows one client.
 * Validated on construction; every message names the setting.
 *
 * @param host                 the address to bind ({@code 0.0.0.0} for every interface)
 * @param port                 the TCP port (8081 by DESIGN.md; 0 for any free one)
 * @param ioThreads            Netty event-loop threads; 0 for one per core
 * @param maxConnections       connections open at once; more are closed on accept
 * @param maxConcurrentStreams requests in flight on one connection (SETTINGS_MAX_CONCURRENT_STREAMS);
 *                             more are refused with RST_STREAM REFUSED_STREAM
 * @param maxHeaderListSize    bytes of request headers (SETTINGS_MAX_HEADER_LIST_SIZE); more get 431
 * @param maxUriLength         characters of {@code :path}; more get 414 (below maxHeaderListSize, which
 *                             counts the path too)
 * @param idleTimeoutSeconds   a connection with no traffic either way for this long is closed; 0 never
 * @param operators            the asking operator by the client's IP address (an AMF's or SCP's), e.g.
 *                             {@code 10.1.0.5: azercell}; a client not listed asks as an unknown
 *                             operator
 */
public record SbiSettings(String host, int port, int ioThreads, int maxConnections, int maxConcurrentStreams,
                          int maxHeaderListSize, int maxUriLength, int idleTimeoutSeconds,
                          Map<String, String> operators) {
    private static final Pattern OPERATOR_CODE = Pattern.compile("[a-z][a-z0-9]{0,31}");

    public SbiSettings {
        host = host == null ? "" : host.strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("sbi.host is empty: give an address to bind, e.g. 0.0.0.0 for all");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("sbi.port " + port + ": a TCP port (1-65535), or 0 for any free one");
        }
        if (ioThreads < 0 || ioThreads > 256) {
            throw new IllegalArgumentException("sbi.io-threads " + ioThreads + ": 0 (one per core) to 256");
        }
        if (maxConnections < 1 || maxConnections > 100_000) {
            throw new IllegalArgumentException("sbi.max-connections " + maxConnections + ": 1 to 100000");
        }
        if (maxConcurrentStreams < 1 || maxConcurrentStreams > 10_000) {
            throw new IllegalArgumentException("sbi.max-concurrent-streams " + maxConcurrentStreams
                    + ": 1 to 10000 (RFC 9113 suggests at least 100)");
        }
        if (maxHeaderListSize < 1024 || maxHeaderListSize > 1_048_576) {
            throw new IllegalArgumentException("sbi.max-header-list-size " + maxHeaderListSize
                    + ": 1024 to 1048576 bytes");
        }
        if (maxUriLength < 256 || maxUriLength >= maxHeaderListSize) {
            throw new IllegalArgumentException("sbi.max-uri-length " + maxUriLength + ": at least 256 and below"
                    + " sbi.max-header-list-size (" + maxHeaderListSize + "), which counts the URI too");
        }
        if (idleTimeoutSeconds < 0) {
            throw new IllegalArgumentException("sbi.idle-timeout-seconds " + idleTimeoutSeconds
                    + ": 0 (never) or more");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : (operators == null ? Map.<String, String>of() : operators).entrySet()) {
            String address = entry.getKey().strip();
            String code = entry.getValue() == null ? "" : entry.getValue().strip();
            if (!isIpLiteral(address)) {
                throw new IllegalArgumentException("sbi.operators." + address + ": the key is a client's IP address"
                        + " (e.g. 10.1.0.5 or fd00::5), not a host name");
            }
            literal(address);
            if (!OPERATOR_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("sbi.operators." + address + " '" + code
                        + "': an operator code from country.operators (lower-case letters and digits)");
            }
            checked.put(address, code);
        }
        operators = Map.copyOf(checked);
    }

    /** Defaults for a server on {@code host:port}, as {@code ceir-defaults.yaml} gives them. */
    public static SbiSettings defaults(String host, int port) {
        return new SbiSettings(host, port, 0, 1024, 256, 8192, 2048, 300, Map.of());
    }

    /** The client addresses and their operators, resolved once (no DNS: keys are literals). */
    Map<InetAddress, String> operatorsByAddress() {
        Map<InetAddress, String> byAddress = new LinkedHashMap<>();
        operators.forEach((address, code) -> byAddress.put(literal(address), code));
        return byAddress;
    }

    private static boolean isIpLiteral(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("sbi.operators." + address + ": not an IP address", e);
        }
    }
}
