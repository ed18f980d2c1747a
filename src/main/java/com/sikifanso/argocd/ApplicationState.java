package com.sikifanso.argocd;

import com.sikifanso.kube.Redactor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** What an Argo CD Application's status says, reduced to what waiting needs. */
public record ApplicationState(String name, String sync, String health, String operationPhase, String message) {

    /** Set while a requested sync operation ({@code app sync}, auto-sync) has not finished. */
    static final String PENDING = "Pending";

    public boolean converged() {
        return "Synced".equals(sync) && "Healthy".equals(health) && !PENDING.equals(operationPhase)
                && !"Running".equals(operationPhase);
    }

    public boolean degraded() {
        return "Degraded".equals(health);
    }

    /** A sync operation that ended in failure: retrying will not help without a change. */
    public boolean operationFailed() {
        return "Failed".equals(operationPhase) || "Error".equals(operationPhase);
    }

    public String describe() {
        return "sync=" + orUnknown(sync) + " health=" + orUnknown(health)
                + (PENDING.equals(operationPhase) || "Running".equals(operationPhase) ? " operation=" + operationPhase
                        : "")
                + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static String orUnknown(String s) {
        return s == null ? "Unknown" : s;
    }

    @SuppressWarnings("unchecked")
    public static ApplicationState of(GenericKubernetesResource app) {
        Map<String, Object> status = (Map<String, Object>) app.getAdditionalProperties().get("status");
        String name = app.getMetadata().getName();
        if (status == null) {
            return new ApplicationState(name, null, null, null, null);
        }
        String sync = text(status.get("sync"), "status");
        String health = text(status.get("health"), "status");
        Map<String, Object> operation = (Map<String, Object>) status.get("operationState");
        String phase = operation == null ? null : (String) operation.get("phase");
        String message = firstUnhealthyResource(status);
        if (message == null && operation != null && phase != null && !"Succeeded".equals(phase)) {
            message = (String) operation.get("message");
        }
        if (message == null) {
            message = text(status.get("health"), "message");
        }
        // Argo CD clears "operation" when it finishes one; until then the old status says nothing of it.
        if (app.getAdditionalProperties().get("operation") != null && !"Running".equals(phase)) {
            phase = PENDING;
        }
        return new ApplicationState(name, sync, health, phase, Redactor.mask(message));
    }

    /** "Kind name in namespace ns: message" of the first resource whose health is not Healthy. */
    @SuppressWarnings("unchecked")
    private static String firstUnhealthyResource(Map<String, Object> status) {
        Object resources = status.get("resources");
        if (!(resources instanceof List<?> list)) {
            return null;
        }
        for (Object o : list) {
            Map<String, Object> r = (Map<String, Object>) o;
            Map<String, Object> h = (Map<String, Object>) r.get("health");
            if (h != null && h.get("status") != null && !"Healthy".equals(h.get("status"))
                    && !"Progressing".equals(h.get("status"))) {
                String where = r.get("namespace") == null ? "" : " in namespace " + r.get("namespace");
                return r.get("kind") + " " + r.get("name") + where + ": "
                        + (h.get("message") == null ? h.get("status") : h.get("message"));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String text(Object map, String key) {
        return map instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get(key) : null;
    }
}
