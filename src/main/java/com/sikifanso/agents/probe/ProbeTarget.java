package com.sikifanso.agents.probe;

/**
 * A destination with the address the cluster gave it, ready for the probe pod; or the reason it cannot be tried
 * (no running pod of that service, no other agent).
 *
 * @param id the probe's name for it in the pod's output, e.g. {@code r03}
 */
public record ProbeTarget(String id, Destination destination, String host, int port, String skipped) {

    static ProbeTarget at(String id, Destination d, String host, int port) {
        return new ProbeTarget(id, d, host, port, null);
    }

    static ProbeTarget skip(String id, Destination d, String why) {
        return new ProbeTarget(id, d, null, 0, why);
    }

    boolean tried() {
        return skipped == null;
    }

    /** How the row shows where it went: host:port, a DNS name, or "-" when skipped. */
    String address() {
        if (!tried()) {
            return "-";
        }
        return destination.check() == Destination.Check.RESOLVE ? host : host + ":" + port;
    }
}
