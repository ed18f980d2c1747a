package com.sikifanso.ops;

/** Where an operation was invoked from; the activity journal records it with every run. */
public enum Surface {
    cli, mcp, dashboard, ai
}
