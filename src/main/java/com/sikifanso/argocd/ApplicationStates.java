package com.sikifanso.argocd;

import java.util.HashMap;
import java.util.Map;

/**
 * The latest known state of each Application, fed by watch events and by lists. A list answers for
 * the moment it was asked, so an app the watch reported after that keeps the watch's word: a list
 * must neither drop an app created meanwhile nor bring back an older status.
 */
final class ApplicationStates {
    private final Map<String, ApplicationState> states = new HashMap<>();
    /** When the watch last reported each app, counted in events rather than time. */
    private final Map<String, Long> reportedAt = new HashMap<>();
    private long events;

    /** Call before asking for a list; pass what it returns to {@link #listed}. */
    synchronized long beforeList() {
        return events;
    }

    synchronized void watched(String name, ApplicationState state) {
        reportedAt.put(name, ++events);
        if (state == null) {
            states.remove(name);
        } else {
            states.put(name, state);
        }
    }

    synchronized void listed(long askedAt, Map<String, ApplicationState> listed) {
        states.keySet().removeIf(name -> !listed.containsKey(name) && !reportedSince(name, askedAt));
        listed.forEach((name, state) -> {
            if (!reportedSince(name, askedAt)) {
                states.put(name, state);
            }
        });
    }

    synchronized Map<String, ApplicationState> current() {
        return Map.copyOf(states);
    }

    private boolean reportedSince(String name, long askedAt) {
        return reportedAt.getOrDefault(name, 0L) > askedAt;
    }
}
