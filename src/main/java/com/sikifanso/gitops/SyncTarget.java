package com.sikifanso.gitops;

import java.util.List;

/** What a change should lead to: these Applications present and healthy, or gone. */
public record SyncTarget(Kind kind, List<App> apps) {

    public enum Kind { APPEAR, DISAPPEAR, SYNC }

    /** An Application and the catalog tier it syncs in (custom apps and agents: the last tier). */
    public record App(String name, String tier) {
    }
}
