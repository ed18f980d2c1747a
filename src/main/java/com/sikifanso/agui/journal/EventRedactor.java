package com.sikifanso.agui.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Removes what must never be stored from an event's JSON before it is written; may change it in place. */
@FunctionalInterface
public interface EventRedactor {
    ObjectNode redact(ObjectNode event);

    EventRedactor NONE = event -> event;
}
