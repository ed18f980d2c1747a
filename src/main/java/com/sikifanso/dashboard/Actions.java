package com.sikifanso.dashboard;

import com.sikifanso.core.Mappers;
import java.util.Map;

/**
 * A button that runs one operation through {@code POST /api/agui/run}, as the CLI's command for it would: the
 * page's script reads the operation and its arguments from the button, asks {@code ask} first when there is a
 * question to ask, and then any confirmation the operation itself requires (the registry's question).
 */
final class Actions {
    private Actions() {
    }

    static String button(String label, String operation, Map<String, Object> arguments, String ask, String cssClass) {
        return button(label, null, operation, arguments, ask, cssClass);
    }

    /**
     * As above, with {@code spoken} as the button's accessible name when its label alone does not say what it acts
     * on (a row's "Enable": a screen reader tabbing through the table hears "Enable qdrant").
     */
    static String button(String label, String spoken, String operation, Map<String, Object> arguments, String ask,
                         String cssClass) {
        String json;
        try {
            json = Mappers.JSON.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(arguments);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("arguments of " + operation + " are not JSON", e);
        }
        return "<button type=\"button\" class=\"" + cssClass + "\" data-run=\"" + Html.esc(operation) + "\" data-args=\""
                + Html.esc(json) + "\"" + (ask == null ? "" : " data-ask=\"" + Html.esc(ask) + "\"")
                + (spoken == null ? "" : " aria-label=\"" + Html.esc(spoken) + "\"") + ">"
                + Html.esc(label) + "</button>";
    }
}
