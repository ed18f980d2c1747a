package com.sikifanso.agents;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.agents.llm.LlmBudget;
import com.sikifanso.infra.Cni;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns an {@link AgentSpec} into validated chart values, refusing bad input before anything is written. */
public final class AgentSandbox {
    /** {@code --egress-fqdn}, the input {@code egressFqdns} for a model. */
    private static final Suggestion EGRESS = Suggestion.of("agent", "create").arg("name", "NAME")
            .option("egress-fqdn", "egressFqdns", "example.com:8443");

    public static final String NAMESPACE_PREFIX = com.sikifanso.catalog.ApplicationNames.AGENT_NAMESPACE_PREFIX;
    /**
     * The agent name is also the Helm release name, which Helm caps at 53 characters (stricter than
     * the 57 that would keep {@code agent-NAME} a DNS-1123 label).
     */
    public static final int MAX_NAME = 53;
    /** The catalog app that serves agents' LLM keys. */
    public static final String LLM_GATEWAY = "litellm-proxy";
    private static final List<String> POD_SECURITY_LEVELS = List.of("restricted", "baseline");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/:@-]{0,254}");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern HOST = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z]([-a-z0-9]*[a-z0-9])?");
    // Container defaults stay small so several pods fit the quota; they never exceed it.
    private static final Quantity DEFAULT_CPU_REQUEST = Quantity.parse("100m").orElseThrow();
    private static final Quantity DEFAULT_CPU_LIMIT = Quantity.parse("500m").orElseThrow();
    private static final Quantity DEFAULT_MEMORY_REQUEST = Quantity.parse("128Mi").orElseThrow();
    private static final Quantity DEFAULT_MEMORY_LIMIT = Quantity.parse("512Mi").orElseThrow();

    private AgentSandbox() {
    }

    public static String namespace(String agent) {
        return NAMESPACE_PREFIX + agent;
    }

    public static String requireName(String name) {
        return Names.requireLabel("agent", name, MAX_NAME);
    }

    public static AgentValues values(String name, AgentSpec spec, Catalog catalog) {
        return values(name, spec, catalog, Cni.cilium);
    }

    /**
     * The values of a sandbox on a cluster with this CNI: on flannel the chart renders the plain NetworkPolicy
     * alone (k3s' policy controller enforces it), so egress by DNS name, which only Cilium has, is refused.
     */
    public static AgentValues values(String name, AgentSpec spec, Catalog catalog, Cni cni) {
        requireName(name);
        if (cni == Cni.flannel && spec.egressFqdns() != null && !spec.egressFqdns().isEmpty()) {
            Hint.Mention egress = EGRESS.mentionFlag();
            throw SikifansoException.usage(Hint.of(egress, " needs Cilium: this cluster runs flannel, and "
                    + Cni.FLANNEL_LIMITS), "leave ", egress, " out (the agent reaches no internet host), or use a"
                    + " cluster created with ", Suggestion.of("cluster", "create").option("cni", "cilium").mention());
        }
        Quantity cpuRequest = quantity("--cpu-request", spec.cpuRequest());
        Quantity cpuLimit = quantity("--cpu-limit", spec.cpuLimit());
        Quantity memoryRequest = quantity("--memory-request", spec.memoryRequest());
        Quantity memoryLimit = quantity("--memory-limit", spec.memoryLimit());
        requireAtMost("cpu", cpuRequest, cpuLimit);
        requireAtMost("memory", memoryRequest, memoryLimit);
        int pods = requirePods(spec.pods());
        String podSecurity = requirePodSecurity(spec.podSecurity());
        AgentValues.Llm llm = spec.llmBudget() == null || LlmBudget.NONE.equals(spec.llmBudget()) ? null
                : new AgentValues.Llm(LlmBudget.parse(spec.llmBudget()).toString(), spec.llmModels());
        List<AgentValues.AllowedService> allow = allowed(withGateway(spec.allow(), llm), catalog);
        List<AgentValues.EgressHost> egress = spec.egressFqdns().stream().map(AgentSandbox::egressHost).toList();
        AgentValues.Quota quota = new AgentValues.Quota(cpuRequest.text(), cpuLimit.text(), memoryRequest.text(),
                memoryLimit.text(), pods);
        AgentValues.Resources defaults = new AgentValues.Resources(
                Quantity.min(DEFAULT_CPU_REQUEST, cpuRequest).text(), Quantity.min(DEFAULT_CPU_LIMIT, cpuLimit).text(),
                Quantity.min(DEFAULT_MEMORY_REQUEST, memoryRequest).text(),
                Quantity.min(DEFAULT_MEMORY_LIMIT, memoryLimit).text());
        return new AgentValues(new AgentValues.Agent(name), podSecurity, quota, defaults, allow, egress, llm,
                cni == Cni.flannel ? cni.name() : null, workloadTree(spec.workload()));
    }

    /** An agent with an LLM budget reaches the gateway its key is for, whatever its allow-list says. */
    private static List<String> withGateway(List<String> allow, AgentValues.Llm llm) {
        if (llm == null || allow.contains(LLM_GATEWAY)) {
            return allow;
        }
        List<String> with = new ArrayList<>(allow);
        with.add(LLM_GATEWAY);
        return with;
    }

    /** The spec a values file stands for, so {@code agent update} can change one field. */
    public static AgentSpec spec(AgentValues v) {
        return new AgentSpec(v.quota().cpuRequest(), v.quota().cpuLimit(), v.quota().memoryRequest(),
                v.quota().memoryLimit(), Integer.toString(v.quota().pods()),
                v.allow().stream().map(AgentValues.AllowedService::name).toList(),
                v.egressFQDNs().stream().map(AgentValues.EgressHost::toString).toList(), v.podSecurity(),
                v.llm() == null ? null : v.llm().budget(), v.llm() == null ? null : v.llm().models(), v.workloadSpec());
    }

    /**
     * The agent's program, checked: an image reference without spaces or control characters, environment names as
     * Kubernetes takes them. Secrets do not belong here (the values are in git): the agent's LLM key is a Secret.
     */
    private static com.fasterxml.jackson.databind.JsonNode workloadTree(AgentValues.Workload w) {
        if (w == null) {
            return null;
        }
        if (w.image() == null || !IMAGE.matcher(w.image()).matches()) {
            throw SikifansoException.usage("workload image \"" + w.image() + "\" is not an image reference",
                    "write it as docker pull takes it, e.g. ghcr.io/team/researcher:1.2.0");
        }
        Map<String, String> env = w.env() == null ? Map.of() : w.env();
        env.keySet().stream().filter(k -> !ENV_NAME.matcher(k).matches()).findFirst().ifPresent(k -> {
            throw SikifansoException.usage("workload env \"" + k + "\" is not an environment variable name",
                    "use letters, digits, '_', '-' and '.', not starting with a digit, e.g. LOG_LEVEL");
        });
        return com.sikifanso.core.Mappers.YAML.valueToTree(new AgentValues.Workload(w.image(), w.command(), w.args(),
                env.isEmpty() ? null : new TreeMap<>(env)));
    }

    private static Quantity quantity(String flag, String text) {
        Quantity q = Quantity.parse(text).orElseThrow(() -> SikifansoException.usage(
                flag + " \"" + text + "\" is not a Kubernetes quantity",
                "write it like 250m or 2 for CPU, 256Mi or 1Gi for memory"));
        if (q.isNegative()) {
            throw SikifansoException.usage(flag + " \"" + text + "\" is negative; a quota cannot be",
                    "give an amount of zero or more, like 250m or 2 for CPU, 256Mi or 1Gi for memory");
        }
        return q;
    }

    private static void requireAtMost(String resource, Quantity request, Quantity limit) {
        if (request.compareTo(limit) > 0) {
            throw SikifansoException.usage("--" + resource + "-request " + request + " is more than --" + resource
                    + "-limit " + limit, "a request must not exceed its limit: raise --" + resource
                    + "-limit or lower --" + resource + "-request");
        }
    }

    /** {@code --pods} as a number, or the usage error that says why it is not one. */
    public static int requirePods(String text) {
        try {
            int pods = Integer.parseInt(text.strip());
            if (pods > 0) {
                return pods;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a non-positive number.
        }
        Suggestion agent = Suggestion.of("agent", "create").arg("name", "NAME");
        throw SikifansoException.usage(Hint.of(agent.option("pods", text).mentionFlag(), " \"" + text
                + "\" is not a positive whole number"), "give the most pods the agent may run at once, e.g. ",
                agent.option("pods", 10).mention());
    }

    /** {@code --pod-security}, refused unless sandboxes allow that level. */
    public static String requirePodSecurity(String level) {
        if (!POD_SECURITY_LEVELS.contains(level)) {
            throw SikifansoException.usage("--pod-security \"" + level + "\" is not a level sandboxes allow",
                    "use restricted (the default) or baseline");
        }
        return level;
    }

    private static List<AgentValues.AllowedService> allowed(List<String> names, Catalog catalog) {
        List<AgentValues.AllowedService> allow = new ArrayList<>();
        List<String> reachable = catalog.entries().stream().filter(e -> e.agentAccess() != null)
                .map(CatalogEntry::name).toList();
        for (String name : new LinkedHashSet<>(names)) {
            CatalogEntry entry = catalog.find(name).orElseThrow(() -> SikifansoException.usage(
                    "--allow " + name + ": no such app in the catalog",
                    "apps a sandbox can be allowed to reach: " + String.join(", ", reachable)));
            if (entry.agentAccess() == null) {
                throw SikifansoException.usage("--allow " + name + ": the catalog does not say how agents reach it",
                        "apps a sandbox can be allowed to reach: " + String.join(", ", reachable)
                                + " (or add agentAccess to catalog/" + name + ".yaml)");
            }
            allow.add(new AgentValues.AllowedService(name, entry.namespace(), entry.agentAccess().port(),
                    entry.agentAccess().podLabels()));
        }
        return allow;
    }

    private static AgentValues.EgressHost egressHost(String text) {
        String[] parts = text.strip().toLowerCase().split(":", 2);
        int port = 443;
        if (parts.length == 2) {
            try {
                port = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (!HOST.matcher(parts[0]).matches() || port < 1 || port > 65535) {
            throw SikifansoException.usage(Hint.of(EGRESS.mentionFlag(), " \"" + text + "\" is not host[:port]"),
                    "e.g. ", Suggestion.of("agent", "create").arg("name", "NAME")
                            .option("egress-fqdn", "egressFqdns", "api.anthropic.com").mention(), " or ",
                    EGRESS.mention(), " (port defaults to 443)");
        }
        return new AgentValues.EgressHost(parts[0], port);
    }
}
