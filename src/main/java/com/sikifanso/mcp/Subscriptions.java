package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open {@code subscriptions/listen} streams (2026-07-28). This server honours resource notifications only:
 * its tools and prompts never change while it runs, so those filters are left out of the acknowledgement.
 * Changes come from the clusters' activity journals ({@link JournalWatch}), whoever made them.
 */
final class Subscriptions {
    /** Where a subscription's messages go; false once the stream is gone. */
    interface Stream {
        boolean send(ObjectNode message);
    }

    private record Subscription(JsonNode id, boolean listChanged, List<String> uris, Stream stream) {
    }

    private final Map<String, Subscription> open = new ConcurrentHashMap<>();

    /** Registers a listen request and sends its acknowledgement first. */
    void open(JsonNode id, JsonNode requested, Stream stream) {
        boolean listChanged = requested.path("resourcesListChanged").asBoolean(false);
        List<String> uris = new java.util.ArrayList<>();
        requested.path("resourceSubscriptions").forEach(u -> uris.add(u.asText()));
        ObjectNode honoured = JsonNodeFactory.instance.objectNode();
        if (listChanged) {
            honoured.put("resourcesListChanged", true);
        }
        if (!uris.isEmpty()) {
            ArrayNode list = honoured.putArray("resourceSubscriptions");
            uris.forEach(list::add);
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.putObject("_meta").set(ModernEra.META_SUBSCRIPTION, id);
        params.set("notifications", honoured);
        Subscription subscription = new Subscription(id, listChanged, List.copyOf(uris), stream);
        open.put(id.toString(), subscription);
        if (!stream.send(ModernEra.notification("notifications/subscriptions/acknowledged", params))) {
            open.remove(id.toString());
        }
    }

    /** Ends a subscription the client cancelled; true when there was one with this id. */
    boolean cancel(JsonNode id) {
        return open.remove(id.toString()) != null;
    }

    /** Ends every subscription with the graceful completion result (the server is going away). */
    void closeAll() {
        for (Subscription s : open.values()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode().put("resultType", "complete");
            result.putObject("_meta").set(ModernEra.META_SUBSCRIPTION, s.id());
            s.stream().send(ModernEra.result(s.id(), result));
        }
        open.clear();
    }

    int size() {
        return open.size();
    }

    /** Tells each subscription of the change: the list changed, and the updated URIs it asked about. */
    void changed(ResourceChange change) {
        for (Subscription s : open.values()) {
            boolean alive = true;
            if (s.listChanged() && change.listChanged()) {
                alive = s.stream().send(notification(s, "notifications/resources/list_changed", null));
            }
            for (String uri : s.uris()) {
                if (alive && change.touches(uri)) {
                    alive = s.stream().send(notification(s, "notifications/resources/updated", uri));
                }
            }
            if (!alive) {
                open.remove(s.id().toString());
            }
        }
    }

    private static ObjectNode notification(Subscription s, String method, String uri) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.putObject("_meta").set(ModernEra.META_SUBSCRIPTION, s.id());
        if (uri != null) {
            params.put("uri", uri);
        }
        return ModernEra.notification(method, params);
    }
}
