package com.sikifanso.infra;

import java.util.List;

/**
 * The cluster's network plugin: Cilium (the default: eBPF datapath, FQDN egress, Hubble) or k3s' own flannel,
 * whose network policy controller enforces plain NetworkPolicy. Read from k3s' server flags
 * ({@code pkg/cli/cmds/server.go}: {@code --flannel-backend} "none" turns flannel off, {@code
 * --disable-network-policy} the policy controller, {@code --disable-kube-proxy} kube-proxy).
 */
public enum Cni {
    cilium, flannel;

    /** The k3s flags that hand networking to Cilium; with flannel, k3s keeps its own. */
    static final List<String> CILIUM_ONLY_K3S_ARGS = List.of("--flannel-backend=none", "--disable-network-policy",
            "--disable-kube-proxy");

    /** What only Cilium can do, said whenever it is asked for on a flannel cluster. */
    public static final String FLANNEL_LIMITS = "flannel's NetworkPolicy has no DNS names and there is no Hubble";

    /** The k3s flags for this CNI: the infra settings' flags, less those that turn k3s' own networking off. */
    public List<String> k3sArgs(List<String> configured) {
        return this == cilium ? configured
                : configured.stream().filter(a -> !CILIUM_ONLY_K3S_ARGS.contains(a)).toList();
    }
}
