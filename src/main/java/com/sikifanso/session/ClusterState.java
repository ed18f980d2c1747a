package com.sikifanso.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle state recorded in a session. */
public enum ClusterState {
    NOT_CREATED("not-created"),
    RUNNING("running"),
    STOPPED("stopped");

    private final String label;

    ClusterState(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
