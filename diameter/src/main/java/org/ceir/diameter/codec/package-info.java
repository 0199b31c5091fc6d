/**
 * The Diameter codec, shaped like Netty's {@code codec-mqtt}: {@link org.ceir.diameter.codec.DiameterFrameDecoder}
 * cuts the stream into messages, {@link org.ceir.diameter.codec.DiameterMessageDecoder} parses them into a
 * header and AVPs, the typed messages (CER/CEA, DWR/DWA, DPR/DPA of RFC 6733, ECR/ECA of TS 29.272)
 * check their grammar, and the stateless {@link org.ceir.diameter.codec.DiameterEncoder} writes them.
 *
 * <p>Written by hand: the Java Diameter stacks (jDiameter, the RestComm fork) are unmaintained,
 * blocking and far larger than the five commands S13 needs; Netty provides framing and buffers.
 */
package org.ceir.diameter.codec;
