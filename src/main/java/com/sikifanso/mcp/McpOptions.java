package com.sikifanso.mcp;

import com.sikifanso.ops.Toolset;
import java.util.Set;

/**
 * How a server is restricted: read-only, to some toolsets, pinned to one cluster, or scoped to
 * one agent; and whether destructive tools may run without asking the user.
 */
public record McpOptions(boolean readOnly, Set<Toolset> toolsets, String pinnedCluster, String agent,
                         boolean allowDestructive) {
}
