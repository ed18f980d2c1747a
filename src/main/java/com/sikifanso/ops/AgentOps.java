package com.sikifanso.ops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.ClusterName;
import com.sikifanso.agents.AgentPolicy;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.AgentText;
import com.sikifanso.agents.llm.LlmBudget;
import com.sikifanso.agents.probe.AgentProbe;
import com.sikifanso.agents.probe.ProbeReport;
import com.sikifanso.agents.probe.ProbeText;
import com.sikifanso.gitops.PendingSync;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/** Agent sandbox operations. */
public final class AgentOps {
    private AgentOps() {
    }

    public record AgentRef(@Param(Param.CLUSTER) String cluster, @Param("Name of the agent") String name)
            implements ClusterScoped {
    }

    public record AgentListInput(@Param(Param.CLUSTER) String cluster) implements ClusterScoped {
    }

    public record AgentSettings(
            @Param(Param.CLUSTER) String cluster,
            @Param("Name of the agent (DNS-1123 label, at most 53 characters)") String name,
            @Param(value = "Total CPU its pods request, e.g. 250m", optional = true) String cpuRequest,
            @Param(value = "CPU limit for all its pods, e.g. 1000m", optional = true) String cpuLimit,
            @Param(value = "Total memory its pods request, e.g. 256Mi", optional = true) String memoryRequest,
            @Param(value = "Memory limit for all its pods, e.g. 1Gi", optional = true) String memoryLimit,
            @Param(value = "Most pods at once, e.g. 10", optional = true) Integer pods,
            @Param(value = "Catalog apps it may reach, e.g. [\"litellm-proxy\",\"qdrant\"]; replaces the list",
                    optional = true) List<String> allow,
            @Param(value = "Internet hosts it may reach as host or host:port (443 by default); replaces the list",
                    optional = true) List<String> egressFqdns,
            @Param(value = "Pod Security Admission level", optional = true) PodSecurity podSecurity,
            @Param(value = "e.g. 5/30d; none removes it", optional = true) String llmBudget,
            @JsonIgnore List<String> llmModels,
            @Wait boolean waitForSync,
            @JsonIgnore String template) implements ClusterScoped, WaitInput {

        /** Without a template (the CLI's --template is CLI-only: it reads files and registries of the user's). */
        public AgentSettings(String cluster, String name, String cpuRequest, String cpuLimit, String memoryRequest,
                             String memoryLimit, Integer pods, List<String> allow, List<String> egressFqdns,
                             PodSecurity podSecurity, String llmBudget, List<String> llmModels, boolean waitForSync) {
            this(cluster, name, cpuRequest, cpuLimit, memoryRequest, memoryLimit, pods, allow, egressFqdns,
                    podSecurity, llmBudget, llmModels, waitForSync, null);
        }

        /** Without an LLM budget (the CLI's --llm-models is CLI-only: kept out of tools/list). */
        public AgentSettings(String cluster, String name, String cpuRequest, String cpuLimit, String memoryRequest,
                             String memoryLimit, Integer pods, List<String> allow, List<String> egressFqdns,
                             PodSecurity podSecurity, boolean waitForSync) {
            this(cluster, name, cpuRequest, cpuLimit, memoryRequest, memoryLimit, pods, allow, egressFqdns,
                    podSecurity, null, null, waitForSync);
        }

        AgentSpec spec() {
            return new AgentSpec(cpuRequest, cpuLimit, memoryRequest, memoryLimit,
                    pods == null ? null : pods.toString(), allow, egressFqdns,
                    podSecurity == null ? null : podSecurity.name(), llmBudget, llmModels);
        }
    }

    public record AgentChange(@Param(Param.CLUSTER) String cluster, @Param("Name of the agent") String name,
                              @Wait boolean waitForSync)
            implements ClusterScoped, WaitInput {
    }

    public record AgentList(List<AgentService.Agent> agents) {
    }

    /** An agent and, in words, what its network policy lets it reach; after a change, what must converge. */
    public record AgentDetails(AgentService.Agent agent, AgentPolicy.Summary policy) implements PendingSync.Carrier {
        static AgentDetails of(AgentService.Agent agent) {
            return new AgentDetails(agent, AgentPolicy.summarise(agent.values()));
        }

        @Override
        public Optional<PendingSync> pendingSync() {
            return agent.pendingSync();
        }
    }

    /** {@code image}: the CLI's --image (null: busybox); left out of the tool to keep tools/list small. */
    public record AgentProbeInput(@Param(Param.CLUSTER) String cluster, @Param("Name of the agent") String name,
                                  @JsonIgnore String image) implements ClusterScoped {
    }

    /** The Pod Security Admission levels an agent's namespace may enforce. */
    public enum PodSecurity { restricted, baseline }

    public static final Operation<AgentListInput, AgentList> LIST = Operation.of("agent_list",
            "List agent sandboxes with their quotas, allowed services and egress hosts.",
            Toolset.agents, Safety.READ, AgentListInput.class, AgentList.class,
            (in, ctx) -> new AgentList(ctx.services().agents().list(in.clusterName()).stream()
                    .map(a -> withKeyState(ctx, in.clusterName(), a)).toList()),
            (out, style) -> AgentText.list(out.agents(), style));

    public static final Operation<AgentRef, AgentDetails> INFO = Operation.of("agent_info",
            "Show one agent sandbox: quotas, and in words what its network policy lets it reach and what it denies.",
            Toolset.agents, Safety.READ, AgentRef.class, AgentDetails.class,
            (in, ctx) -> AgentDetails.of(withKeyState(ctx, in.clusterName(), ctx.services().agents().get(in.clusterName(),
                    in.name()))),
            out -> AgentText.details(out.agent()));

    public static final Operation<AgentSettings, AgentDetails> CREATE = Operation.of("agent_create",
            "Create an agent sandbox in one commit: namespace agent-NAME with quotas, a service account "
                    + "without API token, default-deny network policies. allow defaults to litellm-proxy, qdrant, "
                    + "postgresql, valkey.",
            Toolset.agents, Safety.CREATE, AgentSettings.class, AgentDetails.class,
            (in, ctx) -> AgentDetails.of(withKey(ctx, in.clusterName(), ctx.services().agents().create(in.clusterName(),
                    in.name(), in.template() == null ? in.spec() : ctx.services().agentTemplates()
                            .load(in.template()).agentSpec().overriddenBy(in.spec())))),
            (out, style) -> AgentText.created(out.agent(), style));

    public record TemplatesInput(@Param(value = "A template to show whole", optional = true) String show) {
    }

    public record TemplateList(List<com.sikifanso.share.AgentTemplate> templates, boolean whole) {
    }

    public static final Operation<TemplatesInput, TemplateList> TEMPLATES = Operation.of("agent_templates",
            "List the built-in agent templates, or show one.", Toolset.agents, Safety.READ, TemplatesInput.class,
            TemplateList.class, (in, ctx) -> in.show() == null
                    ? new TemplateList(ctx.services().agentTemplates().builtIn(), false)
                    : new TemplateList(List.of(ctx.services().agentTemplates().load(in.show())), true),
            AgentOps::templatesText)
            .cliOnly("it shows files for a person choosing or copying one; agent_create takes the settings");

    public static final Operation<AgentSettings, AgentDetails> UPDATE = Operation.of("agent_update",
            "Change an agent sandbox's quotas, allowed services, egress hosts or pod security; only the given "
                    + "fields change. One commit.",
            Toolset.agents, Safety.CHANGE, AgentSettings.class, AgentDetails.class,
            (in, ctx) -> AgentDetails.of(withoutKeyIfRemoved(ctx, in, withKey(ctx, in.clusterName(),
                    ctx.services().agents().update(in.clusterName(), in.name(), in.spec())))),
            out -> AgentText.updated(out.agent()));

    public static final Operation<AgentChange, AgentService.Deleted> DELETE = Operation.of("agent_delete",
                    "Delete an agent sandbox in one commit; Argo CD removes its namespace and everything in it. "
                            + "Asks the user first.",
                    Toolset.agents, Safety.DESTRUCTIVE, AgentChange.class, AgentService.Deleted.class,
                    (in, ctx) -> {
                        AgentService.Deleted deleted = ctx.services().agents().delete(in.clusterName(), in.name());
                        if (ctx.services().live().running(in.clusterName())
                                && ctx.services().agentKeys().revoke(in.clusterName(), in.name())) {
                            ctx.progress().note("revoked agent " + in.name() + "'s LiteLLM key");
                        }
                        return deleted;
                    },
                    AgentText::deleted)
            .confirmWhen(in -> Optional.of("Delete agent \"" + in.name() + "\" and its namespace agent-"
                    + in.name() + "?"));

    public static final Operation<AgentProbeInput, ProbeReport> PROBE = Operation.of("agent_probe",
            "Prove an agent's isolation with a probe pod.",
            Toolset.agents, Safety.READ, AgentProbeInput.class, ProbeReport.class,
            (in, ctx) -> ctx.services().agentProbe().probe(in.clusterName(), in.name(),
                    new AgentProbe.Options(in.image(), ctx.waitPolicy().timeout()), ctx.progress()),
            ProbeText::render);

    private static String templatesText(TemplateList out) {
        if (out.whole()) {
            return com.sikifanso.share.SharedDocuments.yaml(out.templates().get(0));
        }
        com.sikifanso.core.Table table = new com.sikifanso.core.Table("NAME", "ALLOW", "EGRESS", "DESCRIPTION");
        out.templates().forEach(t -> table.row(t.name(), String.join(",", t.agentSpec().allow() == null ? List.of()
                : t.agentSpec().allow()), t.agentSpec().egressFqdns() == null || t.agentSpec().egressFqdns().isEmpty()
                ? "-" : String.join(",", t.agentSpec().egressFqdns()), t.description()));
        return table.render();
    }

    /** After a commit with an LLM budget: the agent's key made or updated, when the cluster runs to hold it. */
    private static AgentService.Agent withKey(OperationContext ctx, ClusterName cluster, AgentService.Agent agent) {
        if (agent.values().llm() == null) {
            return agent;
        }
        if (!ctx.services().live().running(cluster)) {
            ctx.progress().note(Hint.of("agent " + agent.name() + "'s LiteLLM key is made when the cluster runs: "
                    + "start it, then ", Suggestion.of("agent", "update").arg("name", agent.name())
                    .option("llmBudget", agent.values().llm().budget())));
            return agent;
        }
        return agent.withLlmKey(ctx.services().agentKeys().ensure(cluster, agent.name(), agent.values().llm()));
    }

    /** After {@code llmBudget: none}: the agent's key revoked and its Secret deleted, or when to do it. */
    private static AgentService.Agent withoutKeyIfRemoved(OperationContext ctx, AgentSettings in,
                                                         AgentService.Agent agent) {
        if (!LlmBudget.NONE.equals(in.llmBudget())) {
            return agent;
        }
        if (!ctx.services().live().running(in.clusterName())) {
            ctx.progress().note(Hint.of("agent " + agent.name() + "'s LiteLLM key is revoked when the cluster runs: "
                    + "start it, then ", Suggestion.of("agent", "update").arg("name", agent.name())
                    .flag("no-llm-budget", "llmBudget", "\"" + LlmBudget.NONE + "\"")));
        } else if (ctx.services().agentKeys().revoke(in.clusterName(), agent.name())) {
            ctx.progress().note("revoked agent " + agent.name() + "'s LiteLLM key and deleted its Secret");
        }
        return agent;
    }

    /** Spend against budget, from LiteLLM, for an agent with a budget on a running cluster. */
    private static AgentService.Agent withKeyState(OperationContext ctx, ClusterName cluster, AgentService.Agent agent) {
        if (agent.values().llm() == null || !ctx.services().live().running(cluster)) {
            return agent;
        }
        return ctx.services().agentKeys().state(cluster, agent.name()).map(agent::withLlmKey).orElse(agent);
    }

    static List<Operation<?, ?>> all() {
        return List.of(LIST, INFO, CREATE, UPDATE, DELETE, PROBE, TEMPLATES);
    }
}
