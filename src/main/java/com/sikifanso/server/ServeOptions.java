package com.sikifanso.server;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How {@code sikifanso serve} runs.
 *
 * @param defaultCluster the cluster a request means when it names none ({@code -c/--cluster})
 * @param heartbeat how often an idle stream gets a comment frame, so proxies keep it open and a departed client is
 *        noticed (its next write fails)
 * @param retry the reconnection delay suggested to SSE clients ({@code retry:})
 */
public record ServeOptions(InetSocketAddress address, String defaultCluster, Duration heartbeat, Duration retry) {
    public static final int DEFAULT_PORT = 8812;
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    public static final Duration RETRY = Duration.ofSeconds(3);

    public ServeOptions(InetSocketAddress address, String defaultCluster) {
        this(address, defaultCluster, HEARTBEAT, RETRY);
    }
}
