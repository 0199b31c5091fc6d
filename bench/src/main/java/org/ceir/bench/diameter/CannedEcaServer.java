package org.ceir.bench.diameter;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The baseline for the S13 load: a bare Netty server, on the same transport and threads as the
 * S13 server, that frames each message by its length and answers it with canned octets (a CEA to
 * a CER, a DPA to a DPR, an ECA WHITELISTED to anything else), patching in only the Hop-by-Hop
 * and End-to-End identifiers. No parsing, no check, no counters: what Netty alone costs.
 */
final class CannedEcaServer implements AutoCloseable {
    private final EventLoopGroup group;
    private Channel channel;

    CannedEcaServer(int threads) {
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("canned", true),
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    int start(String host, int port) {
        CannedAnswers canned = new CannedAnswers();
        channel = new ServerBootstrap()
                .group(group)
                .channel(Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LengthFieldBasedFrameDecoder(8192, 1, 3, -4, 0), canned);
                    }
                })
                .bind(host, port).syncUninterruptibly().channel();
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
