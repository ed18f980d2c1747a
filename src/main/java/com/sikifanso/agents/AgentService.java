package com.sikifanso.agents;

import com.sikifanso.core.CommitId;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.infra.Cni;
import com.sikifanso.infra.InfraConfigs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.catalog.ApplicationNames;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.SyncTargets;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.PendingSync;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.SyncTarget;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Agent sandboxes of one cluster, defined in its GitOps repo: each change is one commit. */
public final class AgentService {
    static final String DIR = ApplicationNames.AGENTS_DIR;
    static final String VALUES_DIR = DIR + "/values";

    private final ClusterRepos repos;

    public AgentService(ClusterRepos repos) {
        this.repos = repos;
    }

    /**
     * An agent as committed: its values, and the commit that changed it (when one did).
     *
     * @param pendingSync what that commit must bring about in the cluster; empty when nothing was committed
     */
    public record Agent(String name, String namespace, AgentValues values, Optional<String> commit,
                        @JsonIgnore Optional<PendingSync> pendingSync,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        com.sikifanso.agents.llm.AgentKeys.KeyState llm) implements PendingSync.Carrier {
        public Agent(String name, String namespace, AgentValues values, Optional<String> commit,
                     Optional<PendingSync> pendingSync) {
            this(name, namespace, values, commit, pendingSync, null);
        }

        /** This agent with its LiteLLM key's state (where it is, budget, spend; never the key). */
        public Agent withLlmKey(com.sikifanso.agents.llm.AgentKeys.KeyState key) {
            return new Agent(name, namespace, values, commit, pendingSync, key);
        }

        static Agent asDefined(String name, AgentValues values) {
            return new Agent(name, AgentSandbox.namespace(name), values, Optional.empty(), Optional.empty());
        }

        static Agent committed(ClusterName cluster, String name, AgentValues values, Optional<CommitId> commit,
                               SyncTarget target) {
            return new Agent(name, AgentSandbox.namespace(name), values, commit.map(CommitId::value),
                    commit.map(c -> new PendingSync(cluster, c, List.of(target))));
        }
    }

    /** A deleted agent, the commit that deleted it, and the Application that must then go away. */
    public record Deleted(String deleted, String commit,
                          @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    public Agent create(ClusterName cluster, String name, AgentSpec requested) {
        ApplicationNames.requireNotReserved("agent", AgentSandbox.requireName(name));
        return repos.mutate(cluster, ApplicationSets.AGENTS, repo -> {
            Catalog catalog = Catalog.load(repo.dir());
            if (repo.exists(file(name))) {
                throw SikifansoException.failure("agent \"" + name + "\" already exists",
                        "change it with: ", Suggestion.of("agent", "update").arg("name", name), ", or pick another name");
            }
            ApplicationNames.requireUnused(repo.dir(), catalog, name);
            AgentValues values = checkedValues(repo, catalog, name, requested);
            RepoChange change = writeSandbox(new RepoChange("agent: create " + name + " (" + summary(values) + ")"),
                    name, values);
            return Agent.committed(cluster, name, values, repo.apply(change), SyncTargets.appears(name));
        });
    }

    /**
     * A sandbox's values from {@code requested} over the defaults, checked as agent create checks them against the
     * repo's catalog, CNI and agents ApplicationSet; for every path that writes a whole sandbox (a profile bundle).
     */
    public static AgentValues checkedValues(GitOpsRepo repo, Catalog catalog, String name, AgentSpec requested) {
        AgentTemplateFormat.requireRenderable(repo.dir(), catalog);
        return AgentSandbox.values(name, AgentSpec.DEFAULTS.overriddenBy(requested), catalog, cni(repo));
    }

    /** Adds a sandbox's two files to {@code change}: its definition and its values. */
    public static RepoChange writeSandbox(RepoChange change, String name, AgentValues values) {
        return change.write(file(name), definition(name)).write(valuesFile(name), yaml(values));
    }

    public Agent update(ClusterName cluster, String name, AgentSpec changes) {
        AgentSandbox.requireName(name);
        return repos.mutate(cluster, ApplicationSets.AGENTS, repo -> {
            AgentValues current = read(repo, name);
            AgentSpec merged = AgentSandbox.spec(current).overriddenBy(changes);
            AgentValues values = AgentSandbox.values(name, merged, Catalog.load(repo.dir()), cni(repo));
            RepoChange change = new RepoChange("agent: update " + name + " (" + summary(values) + ")")
                    .write(valuesFile(name), yaml(values));
            return Agent.committed(cluster, name, values, repo.apply(change), SyncTargets.syncs(name));
        });
    }

    public Deleted delete(ClusterName cluster, String name) {
        AgentSandbox.requireName(name);
        return repos.mutate(cluster, ApplicationSets.AGENTS, repo -> {
            requireExists(repo, name);
            RepoChange change = new RepoChange("agent: delete " + name)
                    .delete(file(name)).delete(valuesFile(name));
            CommitId commit = repo.apply(change).orElseThrow();
            return new Deleted(name, commit.value(),
                    Optional.of(new PendingSync(cluster, commit, List.of(SyncTargets.disappears(name)))));
        });
    }

    /** The cluster's CNI, as its repo's infra settings say. */
    private static Cni cni(GitOpsRepo repo) {
        return new InfraConfigs().load(repo.dir()).platform().cni();
    }

    public List<Agent> list(ClusterName cluster) {
        GitOpsRepo repo = repos.open(cluster);
        return ApplicationNames.yamlNames(repo.dir().resolve(DIR)).stream()
                .map(name -> Agent.asDefined(name, read(repo, name)))
                .toList();
    }

    public Agent get(ClusterName cluster, String name) {
        AgentSandbox.requireName(name);
        GitOpsRepo repo = repos.open(cluster);
        return Agent.asDefined(name, read(repo, name));
    }

    private static AgentValues read(GitOpsRepo repo, String name) {
        requireExists(repo, name);
        String path = valuesFile(name);
        try {
            AgentValues values = Mappers.YAML.readValue(repo.read(path), AgentValues.class);
            if (values == null || values.quota() == null || values.agent() == null) {
                throw new IOException("agent or quota is missing");
            }
            return values;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw SikifansoException.failure(repo.resolve(path) + " is not valid: " + detail,
                    "fix the YAML by hand, or recreate the agent: ", Suggestion.of("agent", "delete").arg("name", name)
                            .cliFlag("yes"), Hint.THEN, Suggestion.of("agent", "create").arg("name", name), e);
        }
    }

    private static void requireExists(GitOpsRepo repo, String name) {
        if (!repo.exists(file(name))) {
            List<String> agents = ApplicationNames.yamlNames(repo.dir().resolve(DIR));
            throw SikifansoException.failure("no agent named \"" + name + "\"",
                    agents.isEmpty() ? Hint.of("there are no agents; create one with: ", Suggestion.of("agent", "create")
                            .arg("name", "NAME")) : "agents: " + String.join(", ", agents));
        }
    }

    private static String summary(AgentValues v) {
        return "cpu " + v.quota().cpuRequest() + "/" + v.quota().cpuLimit() + ", memory " + v.quota().memoryRequest()
                + "/" + v.quota().memoryLimit() + ", pods " + v.quota().pods() + ", allow "
                + (v.allow().isEmpty() ? "none" : String.join(",", v.allow().stream()
                        .map(AgentValues.AllowedService::name).toList()));
    }

    static String file(String name) {
        return DIR + "/" + name + ".yaml";
    }

    static String valuesFile(String name) {
        return VALUES_DIR + "/" + name + ".yaml";
    }

    /** The ApplicationSet's generator reads name and namespace from this file. */
    private static String definition(String name) {
        return yaml(new Definition(name, AgentSandbox.namespace(name)));
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"name", "namespace"})
    record Definition(String name, String namespace) {
    }

    private static String yaml(Object value) {
        try {
            return Mappers.YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agent records always serialise", e);
        }
    }
}
