package com.sikifanso.agents;

import com.sikifanso.core.Suggestion;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a repo's agents ApplicationSet can render the agent files sikifanso writes (name and
 * namespace, the chart at charts/agent-sandbox). A repo from the original Go template renders
 * {@code {{repoURL}}}, {@code {{chart}}} and {@code {{targetRevision}}} from each agent file, and
 * its catalog has no agentAccess: an agent created there would never deploy, so it is refused.
 */
final class AgentTemplateFormat {
    static final String APPLICATION_SET = "bootstrap/root-agents.yaml";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{-?\\s*\\.?([A-Za-z][A-Za-z0-9_.]*)\\s*-?}}");
    /** What an agent file gives the git files generator, besides the generator's own path.* values. */
    private static final Set<String> WRITTEN = Set.of("name", "namespace");

    private AgentTemplateFormat() {
    }

    static void requireRenderable(Path repoDir, Catalog catalog) {
        Path file = repoDir.resolve(APPLICATION_SET);
        if (!Files.isRegularFile(file)) {
            return; // no agents ApplicationSet of ours to compare with; the doctor reports a missing one
        }
        Set<String> unknown = new TreeSet<>();
        try {
            String withoutComments = Files.readString(file).replaceAll("(?m)^\\s*#.*$", "");
            Matcher m = PARAMETER.matcher(withoutComments);
            while (m.find()) {
                String parameter = m.group(1);
                if (!WRITTEN.contains(parameter) && !parameter.startsWith("path")) {
                    unknown.add("{{" + parameter + "}}");
                }
            }
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + file + ": " + e.getMessage(),
                    "check the GitOps repo's files", e);
        }
        if (unknown.isEmpty()) {
            return;
        }
        boolean noAccess = catalog.entries().stream().allMatch(e -> e.agentAccess() == null);
        throw SikifansoException.failure("this cluster's GitOps repo has the original Go template's agent format: "
                        + APPLICATION_SET + " renders " + String.join(", ", unknown) + " from each agent file, which "
                        + "sikifanso's sandboxes do not write" + (noAccess ? ", and no catalog entry has agentAccess, "
                        + "so no app could be allowed" : "") + "; an agent created here would never deploy",
                "create the cluster from the embedded template (", Suggestion.of("cluster", "create"), " without ",
                Suggestion.of("cluster", "create").option("bootstrap", "bootstrapUrl", "URL").mentionFlag(), "), or "
                        + "copy its bootstrap/root-agents.yaml and charts/agent-sandbox into this repo and add "
                        + "agentAccess to the catalog entries agents may reach");
    }
}
