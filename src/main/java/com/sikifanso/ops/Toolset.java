package com.sikifanso.ops;

/** Groups of operations a server can expose ({@code mcp serve --toolsets}). */
public enum Toolset {
    cluster, catalog, agents, argocd, kube, doctor, snapshot
}
