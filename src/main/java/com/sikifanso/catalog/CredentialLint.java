package com.sikifanso.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds literal credentials in Helm values: a password, key, token, salt or secret given as a
 * value (directly, as {@code {value: …}}, or as an env entry {@code {name: …_PASSWORD, value: …}}),
 * a SQL {@code PASSWORD '…'}, and the well-known defaults ({@code changeme}, {@code sk-…}).
 * Names of Secrets and of keys inside them ({@code existingSecret}, {@code passwordKey}) and
 * LiteLLM's {@code os.environ/…} references are not credentials.
 */
public final class CredentialLint {
    private static final Pattern CREDENTIAL_KEY = Pattern.compile(
            "(password|passwd|secret|token|salt|masterkey|apikey|secretkey|accesskey|privatekey|encryptionkey"
                    + "|publickey)$");
    private static final Pattern REFERENCE_KEY = Pattern.compile(
            "(?i)^(existingSecret.*|.*ExistingSecret|superuserSecret|secretName|passwordKey|userKey)$");
    private static final Pattern CAMEL_REFERENCE_KEY = Pattern.compile(
            "^[a-z][A-Za-z]*(SecretKey|PasswordKey|UserKey|SecretName)$");
    private static final Pattern SQL_PASSWORD = Pattern.compile("(?i)\\bPASSWORD\\s+'[^']+'");
    private static final Pattern KNOWN_DEFAULT = Pattern.compile("(?i)(\\bchangeme\\b|^sk-[A-Za-z0-9-]{3,}$)");
    private static final String ENV_REFERENCE = "os.environ/";

    private CredentialLint() {
    }

    /** One literal credential: where in the file, and why it counts. */
    public record Finding(String file, String path, String why) {
        @Override
        public String toString() {
            return file + ": " + path + " " + why;
        }
    }

    public static List<Finding> check(String file, String yaml) {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(yaml);
        } catch (IOException e) {
            return List.of(new Finding(file, "", "is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse("")));
        }
        List<Finding> findings = new ArrayList<>();
        if (root != null) {
            walk(file, "", root, findings);
        }
        return findings;
    }

    private static void walk(String file, String path, JsonNode node, List<Finding> findings) {
        if (node.isObject()) {
            checkEnvEntry(file, path, node, findings);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                checkField(file, child, field.getKey(), field.getValue(), findings);
                walk(file, child, field.getValue(), findings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, path + "[" + i + "]", node.get(i), findings);
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (SQL_PASSWORD.matcher(text).find()) {
                findings.add(new Finding(file, path, "sets a password in SQL"));
            } else if (KNOWN_DEFAULT.matcher(text).find()) {
                findings.add(new Finding(file, path, "holds a well-known default credential"));
            }
        }
    }

    private static void checkField(String file, String path, String key, JsonNode value, List<Finding> findings) {
        if (!isCredentialKey(key)) {
            return;
        }
        if (isLiteral(value)) {
            findings.add(new Finding(file, path, "is a literal credential"));
        } else if (value.isObject() && isLiteral(value.get("value"))) {
            findings.add(new Finding(file, path + ".value", "is a literal credential"));
        }
    }

    /** {@code {name: SOME_PASSWORD, value: literal}}, as env lists hold them. */
    private static void checkEnvEntry(String file, String path, JsonNode node, List<Finding> findings) {
        JsonNode name = node.get("name");
        if (name != null && name.isTextual() && isCredentialKey(name.asText()) && isLiteral(node.get("value"))) {
            findings.add(new Finding(file, path + ".value", "gives " + name.asText() + " a literal value"));
        }
    }

    private static boolean isCredentialKey(String key) {
        if (REFERENCE_KEY.matcher(key).matches() || CAMEL_REFERENCE_KEY.matcher(key).matches()) {
            return false;
        }
        return CREDENTIAL_KEY.matcher(key.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")).find();
    }

    private static boolean isLiteral(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull() || value.isBoolean()) {
            return false;
        }
        String text = value.asText();
        return !text.isBlank() && !text.startsWith(ENV_REFERENCE);
    }
}
