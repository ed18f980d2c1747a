package com.sikifanso.share;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.AgentValues;
import java.util.List;

/**
 * An agent template ({@code apiVersion: sikifanso.io/v1alpha1}, {@code kind: AgentTemplate}; docs/sharing.md): the
 * settings {@code agent create} takes as flags, written down to share. Absent fields are the defaults; flags given
 * with {@code --template} win over the template's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public record AgentTemplate(String apiVersion, String kind, Metadata metadata, Spec spec) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String name, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"allow", "egressFqdns", "cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit", "pods",
        "podSecurity", "llmBudget", "llmModels", "workload"})
    public record Spec(List<String> allow, List<String> egressFqdns, String cpuRequest, String cpuLimit,
                       String memoryRequest, String memoryLimit, String pods, String podSecurity, String llmBudget,
                       List<String> llmModels, AgentValues.Workload workload) {
    }

    public String name() {
        return metadata == null ? null : metadata.name();
    }

    public String description() {
        return metadata == null ? null : metadata.description();
    }

    /** The settings it stands for, unchecked: agent create checks them as it checks its flags. */
    public AgentSpec agentSpec() {
        Spec s = spec == null ? new Spec(null, null, null, null, null, null, null, null, null, null, null) : spec;
        return new AgentSpec(s.cpuRequest(), s.cpuLimit(), s.memoryRequest(), s.memoryLimit(), s.pods(), s.allow(),
                s.egressFqdns(), s.podSecurity(), s.llmBudget(), s.llmModels(), s.workload());
    }
}
