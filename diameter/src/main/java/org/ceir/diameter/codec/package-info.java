/**
 * The Diameter codec, shaped like Netty's {@code codec-mqtt}: {@link org.ceir.diameter.codec.DiameterFrameDecoder}
 * cuts the stream into messages, {@link org.ceir.diameter.codec.DiameterMessageDecoder} parses them into a
 * header and AVPs, the typed messages (CER/CEA, DWR/DWA, DPR/DPA of RFC 6733, ECR/ECA of TS 29.272)
 * check their grammar, and the stateless {@link org.ceir.diameter.codec.DiameterEncoder} writes them.
 *
 * <p>The S13 hot path skips all of that for the common ECR: {@link org.ceir.diameter.codec.EcrFastPath}
 * reads the frame's octets once (no message, AVP or list objects) and writes the ECA from the
 * request's identifiers and Session-Id and an {@link org.ceir.diameter.codec.EcaTemplate} encoded once
 * per server; anything unusual (Proxy-Info, an unknown M-bit AVP, any error to report) goes through
 * the decoder and typed messages above, and a property test holds both to the same octets. Written
 * by hand because no library parses Diameter without objects per AVP, and that cost was 3/4 of the
 * server's CPU per check (S13PipelineBenchmark: 746 → 277 ns and 946 → 45 bytes per ECR).
 *
 * <p>Written by hand: the Java Diameter stacks (jDiameter, the RestComm fork) are unmaintained,
 * blocking and far larger than the five commands S13 needs; Netty provides framing and buffers.
 */
package org.ceir.diameter.codec;
