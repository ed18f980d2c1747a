package com.sikifanso.ops;

import com.sikifanso.agents.AgentPolicy;
import com.sikifanso.catalog.SyncTargets;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.AgentValues;
import com.sikifanso.core.Table;
import java.util.List;
import java.util.Optional;

/** Agent sandbox operations. */
final class AgentOps {
    private AgentOps() {
    }

    record AgentRef(@Param("Name of the cluster") String cluster, @Param("Name of the agent") String name) {
    }

    record AgentListInput(@Param("Name of the cluster") String cluster) {
    }

    record AgentSettings(
            @Param("Name of the cluster") String cluster,
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
            @Param(value = "Wait until Argo CD has applied the change (up to 5 minutes), reporting progress",
                                defaultValue = "false") @com.fasterxml.jackson.annotation.JsonProperty("wait") boolean waitForSync) {

        AgentSpec spec() {
            return new AgentSpec(cpuRequest, cpuLimit, memoryRequest, memoryLimit,
                    pods == null ? null : pods.toString(), allow, egressFqdns,
                    podSecurity == null ? null : podSecurity.name());
        }
    }

    record AgentChange(@Param("Name of the cluster") String cluster, @Param("Name of the agent") String name,
                       @Param(value = "Wait until Argo CD has applied the change (up to 5 minutes), reporting progress",
                                defaultValue = "false") @com.fasterxml.jackson.annotation.JsonProperty("wait") boolean waitForSync) {
    }

    record AgentList(List<AgentService.Agent> agents) {
    }

    record AgentDetails(AgentService.Agent agent, AgentPolicy.Summary policy) {
    }

    record AgentDeleted(String deleted, String commit) {
    }

    /** The Pod Security Admission levels an agent's namespace may enforce. */
    enum PodSecurity { restricted, baseline }

    static List<Operation<?, ?>> all() {
        return List.of(
                Operation.of("agent_list", "List agent sandboxes with their quotas, allowed services and egress hosts.",
                        Toolset.agents, Safety.READ, AgentListInput.class, AgentList.class,
                        (in, ctx) -> new AgentList(ctx.services().agents().list(in.cluster())),
                        AgentOps::listText),
                Operation.of("agent_info", "Show one agent sandbox: quotas, and in words what its network policy "
                                + "lets it reach and what it denies.",
                        Toolset.agents, Safety.READ, AgentRef.class, AgentDetails.class,
                        (in, ctx) -> details(ctx.services().agents().get(in.cluster(), in.name())),
                        AgentOps::detailsText),
                Operation.of("agent_create", "Create an isolated agent sandbox (namespace agent-NAME) with quotas, "
                                + "a service account without API token, and default-deny network policies, in one "
                                + "commit. By default it may reach litellm-proxy, qdrant, postgresql and valkey.",
                        Toolset.agents, Safety.CREATE, AgentSettings.class,
                        AgentDetails.class,
                        (in, ctx) -> {
                            AgentService.Agent a = ctx.services().agents().create(in.cluster(), in.name(), in.spec());
                            ctx.awaitIf(in.waitForSync(), in.cluster(), a.commit(), SyncTargets.appears(in.name()));
                            return details(a);
                        },
                        AgentOps::detailsText),
                Operation.of("agent_update", "Change an agent sandbox's quotas, allowed services, egress hosts or "
                                + "pod security; only the given fields change. One commit.",
                        Toolset.agents, Safety.CHANGE, AgentSettings.class, AgentDetails.class,
                        (in, ctx) -> {
                            AgentService.Agent a = ctx.services().agents().update(in.cluster(), in.name(), in.spec());
                            ctx.awaitIf(in.waitForSync(), in.cluster(), a.commit(), SyncTargets.syncs(in.name()));
                            return details(a);
                        },
                        AgentOps::detailsText),
                Operation.of("agent_delete", "Delete an agent sandbox in one commit; Argo CD removes its namespace "
                                + "and everything in it. Asks the user first.",
                        Toolset.agents, Safety.DESTRUCTIVE, AgentChange.class, AgentDeleted.class,
                        (in, ctx) -> {
                            String commit = ctx.services().agents().delete(in.cluster(), in.name());
                            ctx.awaitIf(in.waitForSync(), in.cluster(), Optional.of(commit), SyncTargets.disappears(in.name()));
                            return new AgentDeleted(in.name(), commit);
                        },
                        out -> "Deleted agent " + out.deleted() + " in commit " + out.commit())
                        .confirmWhen(in -> Optional.of("Delete agent \"" + in.name() + "\" and its namespace agent-"
                                + in.name() + "?")));
    }

    private static AgentDetails details(AgentService.Agent agent) {
        return new AgentDetails(agent, AgentPolicy.summarise(agent.values()));
    }

    private static String listText(AgentList list) {
        if (list.agents().isEmpty()) {
            return "No agents.";
        }
        Table t = new Table("NAME", "NAMESPACE", "CPU", "MEMORY", "PODS", "ALLOWED");
        list.agents().forEach(a -> t.row(a.name(), a.namespace(),
                a.values().quota().cpuRequest() + "/" + a.values().quota().cpuLimit(),
                a.values().quota().memoryRequest() + "/" + a.values().quota().memoryLimit(),
                a.values().quota().pods(), String.join(",", a.values().allow().stream()
                        .map(AgentValues.AllowedService::name).toList())));
        return t.render();
    }

    private static String detailsText(AgentDetails d) {
        return "Agent " + d.agent().name() + " in namespace " + d.agent().namespace()
                + d.agent().commit().map(c -> " (commit " + c + ")").orElse("")
                + "\nMay reach:\n  - " + String.join("\n  - ", d.policy().mayReach())
                + "\nDenied:\n  - " + String.join("\n  - ", d.policy().denied());
    }
}
