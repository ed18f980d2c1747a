package com.sikifanso.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resolv.conf k3s hands the kubelet (and so CoreDNS's {@code forward .}): the host's upstream
 * resolvers, written into every node and passed with {@code --resolv-conf}. On a user-defined
 * Docker network a node's own resolver is Docker's 127.0.0.11, which k3s refuses as loopback and
 * replaces with 8.8.8.8 (k3d fixes this with iptables DNAT in its entrypoint, K3D_FIX_DNS; a file
 * needs no iptables in the node and says plainly which resolvers pods use).
 */
public final class NodeDns {
    /** Where the file lands in each node. */
    public static final String PATH = "/etc/sikifanso/resolv.conf";
    public static final String FLAG = "--resolv-conf=" + PATH;
    /** systemd-resolved's list of the real upstreams, when /etc/resolv.conf names only its 127.0.0.53 stub. */
    static final Path SYSTEMD_RESOLV_CONF = Path.of("/run/systemd/resolve/resolv.conf");
    static final Path ETC_RESOLV_CONF = Path.of("/etc/resolv.conf");

    private NodeDns() {
    }

    /** The file for the nodes from this host's files, or empty when the host names no resolver but loopback ones. */
    public static Optional<String> fromHost() {
        return resolvConf(ETC_RESOLV_CONF, SYSTEMD_RESOLV_CONF);
    }

    /** The first of the files that names a non-loopback nameserver, as a resolv.conf of those nameservers. */
    static Optional<String> resolvConf(Path... candidates) {
        for (Path file : candidates) {
            List<String> servers = upstreams(read(file));
            if (!servers.isEmpty()) {
                StringBuilder out = new StringBuilder("# Written by sikifanso: the host's upstream resolvers ("
                        + file + ")\n");
                servers.forEach(s -> out.append("nameserver ").append(s).append('\n'));
                return Optional.of(out.toString());
            }
        }
        return Optional.empty();
    }

    /** The non-loopback {@code nameserver} addresses of a resolv.conf, in order. */
    public static List<String> upstreams(String resolvConf) {
        List<String> servers = new ArrayList<>();
        for (String line : resolvConf.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver") && !loopback(words[1])) {
                servers.add(words[1]);
            }
        }
        return servers;
    }

    private static boolean loopback(String address) {
        if (!address.matches("[0-9a-fA-F:.%]+")) {
            return true; // not an address at all: never hand it to k3s
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
