package org.ceir.diameter;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import io.netty.buffer.Unpooled;
import org.ceir.diameter.codec.Capabilities;
import org.ceir.diameter.codec.CapabilitiesExchangeAnswer;
import org.ceir.diameter.codec.CapabilitiesExchangeRequest;
import org.ceir.diameter.codec.DiameterEncoder;
import org.ceir.diameter.codec.DiameterMessage;
import org.ceir.diameter.codec.DiameterMessageDecoder;
import org.ceir.diameter.codec.MeIdentityCheckRequest;
import org.ceir.diameter.codec.Origin;
import org.ceir.diameter.codec.ResultCode;

/** A blocking peer on a plain socket that sends whatever bytes a test wants and reads answers one by one. */
final class RawPeer implements AutoCloseable {
    static final Origin MME = new Origin("mme1.epc.mnc001.mcc400.3gppnetwork.org", "epc.mnc001.mcc400.3gppnetwork.org");

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPeer(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Connects and completes a capabilities exchange as {@link #MME}. */
    static RawPeer open(int port) throws IOException {
        RawPeer peer = new RawPeer(port);
        peer.send(CapabilitiesExchangeRequest.create(capabilities(MME), 1, 1).toMessage());
        CapabilitiesExchangeAnswer cea = CapabilitiesExchangeAnswer.from(peer.receive());
        if (!cea.resultCode().equals(ResultCode.SUCCESS)) {
            throw new IllegalStateException("CER refused: " + cea);
        }
        return peer;
    }

    static Capabilities capabilities(Origin origin) {
        return Capabilities.s13(origin, List.of(InetAddress.getLoopbackAddress()), 1, "test-peer");
    }

    static MeIdentityCheckRequest ecr(int hopByHop, String imei, String imsi) {
        return MeIdentityCheckRequest.create(MME.host() + ";1;" + hopByHop, MME, TestServers.REALM, imei, null, imsi,
                hopByHop, hopByHop);
    }

    void send(DiameterMessage message) throws IOException {
        send(DiameterEncoder.toBytes(message));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message from the server, in a buffer of its own. */
    DiameterMessage receive() throws IOException {
        byte[] header = new byte[DiameterMessage.HEADER_LENGTH];
        in.readFully(header);
        int length = (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff;
        byte[] message = new byte[length];
        System.arraycopy(header, 0, message, 0, header.length);
        in.readFully(message, header.length, length - header.length);
        return DiameterMessageDecoder.decode(Unpooled.wrappedBuffer(message));
    }

    /** True when the server closes the connection within {@code wait} (anything it sends first is skipped). */
    boolean closedWithin(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            while (System.nanoTime() < deadline) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
