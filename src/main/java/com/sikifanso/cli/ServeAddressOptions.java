package com.sikifanso.cli;

import com.sikifanso.http.BearerToken;
import com.sikifanso.http.ListenAddress;
import com.sikifanso.server.ServeOptions;
import com.sikifanso.session.SikifansoHome;
import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** Where {@code serve} and {@code dashboard} listen, and the bearer token their programs send: one server, one set. */
final class ServeAddressOptions {
    @Option(names = "--addr", paramLabel = "ADDR", defaultValue = "127.0.0.1:" + ServeOptions.DEFAULT_PORT,
            description = "Listen on HOST:PORT (default ${DEFAULT-VALUE}; port 0: a free one).")
    String addr;

    @Option(names = "--allow-remote", description = "Allow a non-loopback --addr (clients still need the token).")
    boolean allowRemote;

    InetSocketAddress address() {
        return new ListenAddress("--addr", ServeOptions.DEFAULT_PORT).parse(addr, allowRemote);
    }

    /** A sibling of mcp-token, made and kept the same way: revoking one server's clients leaves the other's. */
    static BearerToken token(SikifansoHome home) {
        BearerToken token = new BearerToken(home.root().resolve("serve-token"));
        token.value();
        return token;
    }

    /** The address as a URL's authority part. */
    static String authority(InetSocketAddress address, int port) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
