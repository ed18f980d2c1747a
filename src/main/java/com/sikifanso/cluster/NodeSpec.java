package com.sikifanso.cluster;

import java.util.List;
import java.util.Map;

/** One node container as it will be created: what {@code docker inspect} will show. */
public record NodeSpec(
        String name,
        Role role,
        String image,
        List<String> cmd,
        List<String> env,
        Map<String, String> labels,
        List<String> binds,
        /** container port (tcp) to host port, bound on {@link NodeLayout#HOST_IP} */
        Map<Integer, Integer> ports) {

    /** The same node with k3s given one more flag. */
    public NodeSpec withArg(String arg) {
        List<String> more = new java.util.ArrayList<>(cmd);
        more.add(arg);
        return new NodeSpec(name, role, image, List.copyOf(more), env, labels, binds, ports);
    }

    public enum Role {
        SERVER("server"), AGENT("agent"), LOADBALANCER("loadbalancer"), REGISTRY("registry");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Runs k3s (servers and agents), as opposed to the load balancer and the registry. */
        public boolean k3s() {
            return this == SERVER || this == AGENT;
        }
    }
}
