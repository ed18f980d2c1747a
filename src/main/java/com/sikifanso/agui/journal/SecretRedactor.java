package com.sikifanso.agui.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sikifanso.kube.Redactor;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The journal's redaction, the same as what leaves the tool elsewhere: every string goes through
 * {@link Redactor#mask} (credentials inside text, such as tool call arguments streamed as JSON text), and a value
 * whose name says it is a secret (a field, or the last segment of a JSON Patch path) is masked whole, whatever its
 * type but a boolean (a flag such as {@code includeSecrets} tells nothing secret, and masked it tells nothing at all).
 */
public final class SecretRedactor implements EventRedactor {
    public static final String MASK = "****";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token(?!s)|api[_-]?key"
            + "|access[_-]?key|private[_-]?key|credential|kubeconfig|client[_-]?key|certificate[_-]?key).*");

    @Override
    public ObjectNode redact(ObjectNode event) {
        redactObject(event);
        return event;
    }

    private void redactObject(ObjectNode object) {
        boolean patchOperation = object.has("op") && object.path("path").isTextual();
        if (patchOperation && object.has("value") && secretName(lastSegment(object.path("path").asText()))) {
            object.put("value", MASK);
        }
        for (var it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (secretName(field.getKey()) && !field.getValue().isNull() && !field.getValue().isBoolean()) {
                field.setValue(TextNode.valueOf(MASK));
            } else {
                field.setValue(redactValue(field.getValue(), field.getKey(), patchOperation));
            }
        }
    }

    private JsonNode redactValue(JsonNode value, String name, boolean inPatchOperation) {
        if (value instanceof ObjectNode o) {
            redactObject(o);
        } else if (value instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, redactValue(a.get(i), name, false));
            }
        } else if (value.isTextual() && !(inPatchOperation && (name.equals("path") || name.equals("from")))) {
            String masked = Redactor.mask(value.asText());
            return masked.equals(value.asText()) ? value : TextNode.valueOf(masked);
        }
        return value;
    }

    private static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    private static String lastSegment(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
