package com.sikifanso.ops;

/**
 * Where an operation was invoked from; the activity journal records it with every run. Named after what the caller
 * spoke, as {@code mcp} is: {@code agui} is any AG-UI client of {@code sikifanso serve}'s {@code POST /api/agui/run}
 * (over HTTP like MCP's transport, so {@code http} would not tell them apart); {@code dashboard} stays for the
 * dashboard's own pages.
 */
public enum Surface {
    cli, mcp, agui, dashboard, ai
}
