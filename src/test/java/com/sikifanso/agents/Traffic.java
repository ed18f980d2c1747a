package com.sikifanso.agents;

import java.util.Map;

/** A connection as network policies see it: the other end, a port and a protocol. */
record Traffic(Peer peer, int port, String protocol) {

    /** The other end of a connection, identified the way Cilium identifies it. */
    sealed interface Peer {
    }

    /** A destination without a pod identity: world, kube-apiserver, host, remote-node. */
    record Entity(String name) implements Peer {
    }

    /** A pod, by its namespace and labels. */
    record Pod(String namespace, Map<String, String> labels) implements Peer {
    }

    /** An internet host reached by DNS name; its addresses carry Cilium's world identity. */
    record DnsName(String host) implements Peer {
    }

    enum Verdict { ALLOWED, DENIED }

    static Traffic tcp(Peer peer, int port) {
        return new Traffic(peer, port, "TCP");
    }

    static Traffic udp(Peer peer, int port) {
        return new Traffic(peer, port, "UDP");
    }

    static Pod pod(String namespace, String... labelKeysAndValues) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labelKeysAndValues.length; i += 2) {
            labels.put(labelKeysAndValues[i], labelKeysAndValues[i + 1]);
        }
        return new Pod(namespace, Map.copyOf(labels));
    }
}
