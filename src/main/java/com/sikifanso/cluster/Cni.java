package com.sikifanso.cluster;

/** The cluster's network plugin: Cilium (the default) or k3s' own flannel with its network policy controller. */
public enum Cni {
    cilium, flannel
}
