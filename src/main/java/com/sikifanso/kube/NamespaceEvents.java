package com.sikifanso.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Kubernetes events of one namespace as they happen, each as an AG-UI {@code CUSTOM} event named {@value #NAME}
 * (its value: namespace, object, type, reason, message masked, count, time), so they travel and render with the
 * other AG-UI events. The watch first lists what exists: events older than the start given are left out.
 */
public final class NamespaceEvents {
    public static final String NAME = "sikifanso.kubernetes.event";

    private NamespaceEvents() {
    }

    /** Watches {@code namespace}; close the returned watch to stop. {@code notices} hears when it ends on its own. */
    public static Watch watch(KubernetesClient kube, String namespace, Instant since, Consumer<AguiEvent> events,
                              Consumer<String> notices) {
        return kube.v1().events().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Event event) {
                if (action == Action.ADDED || action == Action.MODIFIED) {
                    KubeReader.EventRow row = KubeReader.eventRow(event);
                    if (row.time() == null || !row.time().isBefore(since)) {
                        events.accept(custom(namespace, row, event.getCount()));
                    }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                notices.accept("Kubernetes events of " + namespace + ": the watch ended (" + cause.getMessage()
                        + "); run the command again to resume");
            }
        });
    }

    static AguiEvent custom(String namespace, KubeReader.EventRow row, Integer count) {
        ObjectNode value = AguiJson.MAPPER.createObjectNode().put("namespace", namespace);
        putIfPresent(value, "object", row.object());
        putIfPresent(value, "type", row.type());
        putIfPresent(value, "reason", row.reason());
        putIfPresent(value, "message", row.message());
        if (count != null) {
            value.put("count", count);
        }
        putIfPresent(value, "time", row.time() == null ? null : row.time().toString());
        return new AguiEvent.Custom(NAME, value, row.time() == null ? null : row.time().toEpochMilli());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
