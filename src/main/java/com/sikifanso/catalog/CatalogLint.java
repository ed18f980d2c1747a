package com.sikifanso.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code catalog lint}: checks a directory of catalog entries as the built-in catalog holds them ({@code NAME.yaml}
 * beside {@code values/NAME.yaml}) before anyone enables one: the entry file's fields, the chart in its repository,
 * that what an entry depends on exists, and that an {@code agentAccess} declares its port. Every error names the
 * file, the field and the fix; all of them are reported, not only the first.
 */
public final class CatalogLint {
    /** Room for {@code SOURCE--app} in a 63-character Application name with a source name of up to 21. */
    public static final int MAX_NAME = 40;
    /** Where an entry's Helm values are, below the catalog's directory, as in the GitOps repo. */
    private static final String VALUES = "values";
    private static final Set<String> FIELDS = Set.copyOf(Arrays.stream(CatalogEntry.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList());
    private static final List<String> REQUIRED = List.of("name", "category", "description", "repoURL", "chart",
            "targetRevision", "namespace");
    private static final ObjectMapper STRICT = Mappers.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** How charts are checked: asked of their repositories, or skipped for a stated reason. */
    public sealed interface Charts {
        /** {@code orWithout}: how the linting command goes without the lookup, for an unreachable repository's fix. */
        record Checked(ChartAvailability repositories, Hint orWithout) implements Charts {
        }

        record Skipped(String reason) implements Charts {
        }
    }

    private final List<String> builtIn;

    /** {@code builtIn}: the built-in catalog's names, which an entry may depend on. */
    public CatalogLint(List<String> builtIn) {
        this.builtIn = List.copyOf(builtIn);
    }

    /** Lints {@code files} (path below the catalog's directory to text) of {@code target}. */
    public LintReport lint(String target, Map<String, String> files, Charts charts) {
        List<LintFinding> errors = new ArrayList<>();
        Map<String, CatalogEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (isEntryFile(path)) {
                entry(path, file.getValue(), files, charts, errors).ifPresent(e -> entries.put(e.name(), e));
            } else if (path.startsWith(VALUES + "/") && path.endsWith(".yaml")
                    && !files.containsKey(path.substring(VALUES.length() + 1))) {
                errors.add(new LintFinding(path, "", "is the values of no entry (there is no "
                        + path.substring(VALUES.length() + 1) + ")",
                        "name it after its entry's file, or remove it"));
            }
        }
        if (files.keySet().stream().noneMatch(CatalogLint::isEntryFile)) {
            errors.add(new LintFinding(".", "", "holds no catalog entry (NAME.yaml)",
                    "point at the directory of the entry files; see CONTRIBUTING.md, Proposing a catalog entry"));
        }
        dependencies(entries, errors);
        String checked = charts instanceof Charts.Skipped s ? "skipped: " + s.reason() : "checked";
        return new LintReport(target, List.copyOf(entries.keySet()), checked, List.copyOf(errors));
    }

    /** The lint as a refusal: nothing is recorded while {@code report} has errors. */
    public static void requireClean(LintReport report, String what) {
        if (report.failed()) {
            List<Object> text = new ArrayList<>(List.of(what + " fails catalog lint with " + report.errors().size()
                    + " error" + (report.errors().size() == 1 ? "" : "s") + ":"));
            report.errors().forEach(f -> text.addAll(List.of("\n  ", f.line())));
            throw SikifansoException.failure(Hint.of(text.toArray()), "fix the entries in the source and publish"
                    + " them again; nothing was recorded");
        }
    }

    private static boolean isEntryFile(String path) {
        return !path.contains("/") && path.endsWith(".yaml");
    }

    private Optional<CatalogEntry> entry(String file, String text, Map<String, String> files, Charts charts,
                                         List<LintFinding> errors) {
        JsonNode tree;
        try {
            tree = Mappers.YAML.readTree(text);
        } catch (IOException e) {
            errors.add(new LintFinding(file, "", "is not valid YAML: " + firstLine(e), "fix the YAML syntax"));
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            errors.add(new LintFinding(file, "", "is not a YAML mapping", "write the entry's fields as key: value"));
            return Optional.empty();
        }
        int before = errors.size();
        fields(file, tree, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        CatalogEntry entry;
        try {
            entry = STRICT.treeToValue(tree, CatalogEntry.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("") : "";
            errors.add(new LintFinding(file, field, "has the wrong shape: " + e.getOriginalMessage(),
                    "write it as the built-in entries do (see CONTRIBUTING.md, Proposing a catalog entry)"));
            return Optional.empty();
        }
        String expected = file.substring(0, file.length() - ".yaml".length());
        names(file, entry, expected, errors);
        chart(file, entry, charts, errors);
        agentAccess(file, entry, errors);
        values(entry, files, errors);
        return Optional.of(entry);
    }

    /** Unknown fields, required ones missing or empty, and values of a closed set. */
    private static void fields(String file, JsonNode tree, List<LintFinding> errors) {
        tree.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new LintFinding(file, f, "is not a field of a catalog entry", "remove it (fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
            }
        });
        for (String f : REQUIRED) {
            JsonNode value = tree.get(f);
            if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
                errors.add(new LintFinding(file, f, value == null ? "is missing" : "must be a non-empty string",
                        "add " + f + ": " + example(f)));
            }
        }
        JsonNode enabled = tree.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            errors.add(new LintFinding(file, "enabled", "must be true or false", "write enabled: false"));
        } else if (enabled != null && enabled.booleanValue()) {
            errors.add(new LintFinding(file, "enabled", "is true: a proposed entry starts disabled",
                    Hint.of("write enabled: false (users turn it on with ",
                            Suggestion.of("app", "enable"), ")")));
        }
        JsonNode tier = tree.get("tier");
        if (tier != null && !Tiers.ALL.contains(tier.asText())) {
            errors.add(new LintFinding(file, "tier", "\"" + tier.asText() + "\" is not a tier",
                    "use one of " + String.join(", ", Tiers.ALL) + " (operators, data stores, services), or leave"
                            + " it out for " + Tiers.DEFAULT));
        }
    }

    private static void names(String file, CatalogEntry entry, String expected, List<LintFinding> errors) {
        if (!entry.name().equals(expected)) {
            errors.add(new LintFinding(file, "name", "is \"" + entry.name() + "\", not the file's name",
                    "write name: " + expected + " (or rename the file to " + entry.name() + ".yaml)"));
        }
        if (!Names.isLabel(entry.name()) || entry.name().contains(SourceNames.SEPARATOR)
                || entry.name().length() > MAX_NAME) {
            errors.add(new LintFinding(file, "name", "\"" + entry.name() + "\" is not a lower-case DNS-1123 label"
                    + " of at most " + MAX_NAME + " characters without \"" + SourceNames.SEPARATOR + "\"",
                    "use letters, digits and single dashes, e.g. name: vector-store"));
        }
        if (!Names.isLabel(entry.namespace())) {
            errors.add(new LintFinding(file, "namespace", "\"" + entry.namespace() + "\" is not a DNS-1123 label",
                    "write a namespace like namespace: rag"));
        }
    }

    private static void chart(String file, CatalogEntry entry, Charts charts, List<LintFinding> errors) {
        try {
            ChartReference.require(entry.repoURL(), entry.chart(), entry.targetRevision(), ChartReference.ENTRY);
        } catch (SikifansoException e) {
            String message = e.getMessage();
            String field = message.startsWith("chart") ? "chart" : message.startsWith("targetRevision")
                    ? "targetRevision" : "repoURL";
            errors.add(new LintFinding(file, field, message, e.fix()));
            return;
        }
        if (charts instanceof Charts.Checked checked) {
            try {
                checked.repositories().check(new CustomApp(entry.name(), entry.repoURL(), entry.chart(),
                        entry.targetRevision(), entry.namespace()), checked.orWithout());
            } catch (SikifansoException e) {
                String message = e.getMessage();
                String field = message.contains("has no version") || message.contains("lists no versions")
                        ? "targetRevision" : message.startsWith("there is no chart") ? "chart" : "repoURL";
                errors.add(new LintFinding(file, field, message, e.fix()));
            }
        }
    }

    private static void agentAccess(String file, CatalogEntry entry, List<LintFinding> errors) {
        CatalogEntry.AgentAccess access = entry.agentAccess();
        if (access == null) {
            return;
        }
        if (access.port() < 1 || access.port() > 65535) {
            errors.add(new LintFinding(file, "agentAccess.port", access.port() == 0 ? "is not declared"
                    : access.port() + " is not a port", "declare the port agents connect to, e.g. port: 8080"
                    + " (agent sandboxes allow only that port)"));
        }
        if (access.podLabels() == null || access.podLabels().isEmpty()) {
            errors.add(new LintFinding(file, "agentAccess.podLabels", "is empty",
                    "give the labels of the pods agents reach, e.g. app.kubernetes.io/name: " + entry.name()));
        }
    }

    private static void values(CatalogEntry entry, Map<String, String> files, List<LintFinding> errors) {
        String path = VALUES + "/" + entry.name() + ".yaml";
        String text = files.get(path);
        if (text == null) {
            return;
        }
        try {
            Object parsed = Mappers.YAML.readValue(text, Object.class);
            if (parsed != null && !(parsed instanceof Map)) {
                errors.add(new LintFinding(path, "", "is not a YAML mapping", "write Helm values as key: value"));
                return;
            }
        } catch (IOException e) {
            errors.add(new LintFinding(path, "", "is not valid YAML: " + firstLine(e), "fix the YAML syntax"));
            return;
        }
        CredentialLint.check(path, text).forEach(f -> errors.add(new LintFinding(path, f.path(), f.why(),
                "declare it under credentials: in the entry, so each cluster generates its own")));
    }

    /** What each entry depends on is in the same directory or the built-in catalog, with no cycle. */
    private void dependencies(Map<String, CatalogEntry> entries, List<LintFinding> errors) {
        boolean missing = false;
        for (CatalogEntry entry : entries.values()) {
            for (String dep : entry.dependsOn()) {
                if (!entries.containsKey(dep) && !builtIn.contains(dep)) {
                    missing = true;
                    errors.add(new LintFinding(entry.name() + ".yaml", "dependsOn", "names \"" + dep + "\", which"
                            + " is neither in this directory nor in the built-in catalog",
                            Hint.of("add " + dep + ".yaml beside it, or depend on a built-in entry (",
                                    Suggestion.of("app", "list").flag("all", "enabledOnly", false), ")")));
                }
            }
        }
        if (missing) {
            return;
        }
        List<CatalogEntry> all = new ArrayList<>(entries.values());
        builtIn.stream().filter(n -> !entries.containsKey(n)).forEach(n -> all.add(new CatalogEntry(n, "", "", "",
                "", "", "", false, null, null, null, null, null)));
        Catalog catalog = new Catalog(all);
        for (CatalogEntry entry : entries.values()) {
            try {
                catalog.dependencies().resolve(List.of(entry.name()));
            } catch (SikifansoException e) {
                errors.add(new LintFinding(entry.name() + ".yaml", "dependsOn", e.getMessage(),
                        "remove one dependsOn on the cycle"));
                return;
            }
        }
    }

    private static String example(String field) {
        return switch (field) {
            case "name" -> "the file's name without .yaml";
            case "category" -> "rag (or gateway, observability, runtime, models, storage, guardrails...)";
            case "description" -> "what it is, in a line";
            case "repoURL" -> "the Helm repository, e.g. https://charts.example.org (or oci://HOST/PATH)";
            case "chart" -> "the chart's name in that repository";
            case "targetRevision" -> "\"1.2.3\" (the chart version)";
            default -> "the namespace it installs into, e.g. rag";
        };
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
