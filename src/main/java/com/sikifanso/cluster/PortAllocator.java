package com.sikifanso.cluster;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Picks the host ports of a new cluster: the defaults when all are free, else five free ports
 * (moving all of them keeps a cluster's ports together). A port is taken when a local socket
 * holds it or any Docker container claims it, stopped ones included, since they need it to start.
 */
public final class PortAllocator {
    public static final Session.Ports DEFAULTS = new Session.Ports(6443, 8080, 8443, 30080, 30081);

    private final Supplier<Set<Integer>> claimedByContainers;

    public PortAllocator(Supplier<Set<Integer>> claimedByContainers) {
        this.claimedByContainers = claimedByContainers;
    }

    /** Reserved ports; the probe sockets stay bound until {@link #close()}, after the containers exist. */
    public static final class Reservation implements AutoCloseable {
        private final Session.Ports ports;
        private final List<ServerSocket> held;
        private final boolean defaults;

        private Reservation(Session.Ports ports, List<ServerSocket> held, boolean defaults) {
            this.ports = ports;
            this.held = held;
            this.defaults = defaults;
        }

        public Session.Ports ports() {
            return ports;
        }

        public boolean defaults() {
            return defaults;
        }

        @Override
        public void close() {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // Closing an unused listening socket cannot lose data.
                }
            }
            held.clear();
        }
    }

    /**
     * The host ports a cluster file asked for (0: any), the others free. A port asked for that is taken is
     * refused with its field's name, rather than moved.
     */
    public Reservation reserve(Session.Ports wanted) {
        if (wanted == null) {
            return reserve();
        }
        Set<Integer> claimed = claimedByContainers.get();
        List<ServerSocket> held = new ArrayList<>();
        int[] asked = {wanted.apiServer(), wanted.http(), wanted.https(), wanted.argocdUI(), wanted.hubbleUI()};
        String[] fields = {"api", "http", "https", "argocd", "hubble"};
        int[] ports = new int[asked.length];
        for (int i = 0; i < asked.length; i++) {
            ServerSocket s = asked[i] == 0 ? freeSocket(claimed) : claimed.contains(asked[i]) ? null : bind(asked[i]);
            if (s == null) {
                new Reservation(null, held, false).close();
                throw SikifansoException.usage("ports." + fields[i] + ": host port " + asked[i] + " is taken (by a"
                        + " container or another process)", "choose another port there, or leave ports." + fields[i]
                        + " out to have a free one picked");
            }
            held.add(s);
            ports[i] = s.getLocalPort();
        }
        return new Reservation(new Session.Ports(ports[0], ports[1], ports[2], ports[3], ports[4]), held, false);
    }

    private static ServerSocket freeSocket(Set<Integer> claimed) {
        for (int attempt = 0; attempt < 100; attempt++) {
            ServerSocket s = bind(0);
            if (s != null && !claimed.contains(s.getLocalPort())) {
                return s;
            }
            if (s != null) {
                close(s);
            }
        }
        throw SikifansoException.failure("cannot find a free host port", "free some ports and retry");
    }

    public Reservation reserve() {
        Set<Integer> claimed = claimedByContainers.get();
        List<ServerSocket> held = new ArrayList<>();
        int[] wanted = {DEFAULTS.apiServer(), DEFAULTS.http(), DEFAULTS.https(), DEFAULTS.argocdUI(),
            DEFAULTS.hubbleUI()};
        boolean allFree = true;
        for (int port : wanted) {
            ServerSocket s = claimed.contains(port) ? null : bind(port);
            if (s == null) {
                allFree = false;
                break;
            }
            held.add(s);
        }
        if (allFree) {
            return new Reservation(DEFAULTS, held, true);
        }
        new Reservation(null, held, false).close();
        int[] free = new int[wanted.length];
        int attempts = 0;
        for (int i = 0; i < free.length; attempts++) {
            if (attempts > 100) {
                new Reservation(null, held, false).close();
                throw SikifansoException.failure("cannot find " + free.length + " free host ports",
                        "free some ports (the defaults are 6443, 8080, 8443, 30080 and 30081) and retry");
            }
            ServerSocket s = bind(0);
            if (s == null) {
                continue;
            }
            if (claimed.contains(s.getLocalPort())) {
                close(s);
                continue;
            }
            held.add(s);
            free[i++] = s.getLocalPort();
        }
        return new Reservation(new Session.Ports(free[0], free[1], free[2], free[3], free[4]), held, false);
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket s = new ServerSocket();
            // Without SO_REUSEADDR a port some process still holds is refused, which is the point.
            s.setReuseAddress(false);
            s.bind(new java.net.InetSocketAddress(port));
            return s;
        } catch (IOException e) {
            return null;
        }
    }

    private static void close(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // An unused probe socket.
        }
    }
}
