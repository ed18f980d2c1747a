package com.sikifanso.doctor;

import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import com.sikifanso.cluster.NodeDns;
import com.sikifanso.cluster.NodeRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Which resolvers pods use: those of the resolv.conf server-0's k3s was given ({@code --resolv-conf}),
 * or, for a node made without one, k3s' fallback 8.8.8.8 (it refuses Docker's loopback 127.0.0.11).
 */
final class PodDns {
    static final String ROW = "Pod DNS";

    private final NodeRuntime nodes;

    PodDns(NodeRuntime nodes) {
        this.nodes = nodes;
    }

    CheckResult check(ClusterName cluster) {
        String server = cluster.k3d().server(0);
        String[] cmd = nodes.inspect(server).getConfig().getCmd();
        boolean given = cmd != null && Arrays.asList(cmd).contains(NodeDns.FLAG);
        Hint recreate = Hint.of("to give pods the host's resolvers, recreate the cluster: ",
                Doctor.recreateFromSnapshot(cluster));
        if (!given) {
            return CheckResult.warn(ROW, "8.8.8.8 (k3s' fallback)", server + " was created without a resolv.conf for"
                    + " k3s, so pods resolve external names through 8.8.8.8, which networks that block public DNS "
                    + "refuse", recreate);
        }
        List<String> servers = nodes.readFile(server, NodeDns.PATH)
                .map(b -> NodeDns.upstreams(new String(b, StandardCharsets.UTF_8))).orElse(List.of());
        if (servers.isEmpty()) {
            return CheckResult.fail(ROW, "no resolvers", server + " has no nameserver in " + NodeDns.PATH
                    + ", so pods cannot resolve external names", recreate);
        }
        return CheckResult.pass(ROW, String.join(", ", servers) + " (the host's resolvers, " + NodeDns.PATH
                + " in " + server + ")");
    }
}
