package com.sikifanso.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells the server's listeners that a tool call may have changed a cluster (its name, or null when the call
 * named none), so both eras can notify their clients. Only this server's own calls are seen: a change made
 * from the CLI meanwhile is not.
 */
final class ChangeFeed {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    void changed(String cluster) {
        listeners.forEach(l -> l.accept(cluster));
    }
}
