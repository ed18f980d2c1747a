package com.sikifanso.http;

import com.sikifanso.core.SikifansoException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A {@code host:port} a server is told to listen on, refused when it is not loopback unless the user allowed remote
 * clients: every sikifanso HTTP server is reachable from this machine only by default.
 *
 * @param flag the option the value came from, named in refusals ({@code --http}, {@code --addr})
 */
public record ListenAddress(String flag, int defaultPort) {

    public InetSocketAddress parse(String hostPort, boolean allowRemote) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String example = flag + " 127.0.0.1:" + defaultPort;
        int port;
        try {
            port = colon < 0 ? defaultPort : Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw SikifansoException.usage(flag + " " + hostPort + ": the port is not a number",
                    "give host:port, e.g. " + example);
        }
        if (port < 0 || port > 65535) {
            throw SikifansoException.usage(flag + " " + hostPort + ": port " + port + " is not between 0 and 65535",
                    "give host:port, e.g. " + example + " (0 picks a free port)");
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host.isEmpty() ? "0.0.0.0" : host.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw SikifansoException.usage(flag + " " + hostPort + ": unknown host " + host,
                    "give host:port, e.g. " + example);
        }
        if (!ip.isLoopbackAddress() && !allowRemote) {
            throw SikifansoException.usage(flag + " " + hostPort + " would accept connections from other machines",
                    "bind to loopback (" + flag + " 127.0.0.1:" + port + "), or add --allow-remote if you mean it "
                            + "(clients still need the token)");
        }
        return new InetSocketAddress(ip, port);
    }
}
