package com.sikifanso.ops;

/** What calling an operation can do, as MCP tool annotations describe it. */
public record Safety(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    /** Reads state, changes nothing. */
    public static final Safety READ = new Safety(true, false, true, false);
    /** Commits a change; the same call twice changes nothing more. */
    public static final Safety CHANGE = new Safety(false, false, true, false);
    /** Removes something that cannot simply be re-created from the call. */
    public static final Safety DESTRUCTIVE = new Safety(false, true, true, false);
    /** Makes something new: a second call makes another, or is refused. */
    public static final Safety CREATE = new Safety(false, false, false, false);
    /** As {@link #CREATE}, fetching from outside this machine (node images, chart repositories). */
    public static final Safety CREATE_OPEN_WORLD = new Safety(false, false, false, true);
    /** Replaces what runs with versions fetched from outside this machine (chart upgrades). */
    public static final Safety DESTRUCTIVE_OPEN_WORLD = new Safety(false, true, true, true);
    /** Sends what is here to a server elsewhere (a git push); a second call sends nothing more. */
    public static final Safety PUBLISH = new Safety(false, false, true, true);
    /** Removes something, and a second call removes more (a rollback steps back again from the new HEAD). */
    public static final Safety DESTRUCTIVE_REPEATING = new Safety(false, true, false, false);
}
