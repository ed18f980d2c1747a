package com.sikifanso.agents.probe;

import java.util.Map;

/**
 * One thing the sandbox's policy speaks about, as the probe tries it: what it is, where it is (an address the
 * cluster supplies at probe time, see {@link Where}), what the policy expects and which rule says so.
 *
 * @param host     a DNS name or IP for {@link Where#NAME}; the namespace for {@link Where#PODS}
 * @param labels   the pod labels for {@link Where#PODS}
 * @param port     the TCP port; 0 for a DNS lookup, or where the cluster supplies it (a node port)
 */
public record Destination(String what, Check check, Where where, String host, Map<String, String> labels, int port,
                          Expect expected, String rule) {

    public enum Check { RESOLVE, CONNECT }

    public enum Expect { REACH, BLOCKED }

    /** Where the address comes from. */
    public enum Where {
        /** {@code host} as given (a DNS name or an IP). */
        NAME,
        /** A running pod in namespace {@code host} with {@code labels}. */
        PODS,
        /** The ClusterIP of the {@code kubernetes} Service (the API server inside the cluster). */
        API_SERVICE,
        /** The server node's InternalIP (the API server as k3s serves it on the host network). */
        SERVER_NODE,
        /** A node's InternalIP on a NodePort (or the kubelet's port when no Service has a NodePort). */
        NODE_PORT,
        /** A running pod of another agent's sandbox. */
        OTHER_AGENT_POD
    }

    static Destination connect(String what, Where where, String host, Map<String, String> labels, int port,
                               Expect expected, String rule) {
        return new Destination(what, Check.CONNECT, where, host, labels, port, expected, rule);
    }
}
