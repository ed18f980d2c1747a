package com.sikifanso.clusterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.infra.Cni;
import com.sikifanso.core.SikifansoException;
import org.junit.jupiter.api.Test;

/** Reading cluster files: what a valid file means, and the exact error (file, line, field, fix) for a bad one. */
class ClusterFileParserTest {
    private static final String HEADER = "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\n";

    @Test
    void aFullFileIsReadIntoItsParts() {
        ClusterFile file = ClusterFileParser.parse(HEADER + """
                metadata:
                  name: lab
                nodes:
                  image: rancher/k3s:v1.36.3-k3s1
                  servers: 3
                  agents: 2
                network:
                  cni: flannel
                ports:
                  api: 6550
                profiles: [agent-dev]
                apps: [langfuse]
                customApps:
                  - name: podinfo
                    repo: https://stefanprodan.github.io/podinfo
                    chart: podinfo
                    version: 6.10.1
                    namespace: podinfo
                    values:
                      replicaCount: 2
                agents:
                  - name: researcher
                    allow: [qdrant]
                    egressFqdns: [api.anthropic.com]
                infra:
                  platform:
                    agents: 1
                """, "lab.yaml");

        assertThat(file.name()).isEqualTo("lab");
        assertThat(file.nodes()).isEqualTo(new ClusterFile.Nodes("rancher/k3s:v1.36.3-k3s1", 3, 2, null));
        assertThat(file.cni()).isEqualTo(Cni.flannel);
        assertThat(file.ports().api()).isEqualTo(6550);
        assertThat(file.profiles()).containsExactly("agent-dev");
        assertThat(file.customApps().get(0).values().get("replicaCount").asInt()).isEqualTo(2);
        assertThat(file.agents().get(0).egressFqdns()).containsExactly("api.anthropic.com");
        assertThat(file.infra().platform().get("agents").asInt()).isEqualTo(1);
    }

    @Test
    void flagsGivenWinAndFlagsLeftOutKeepTheFile() {
        ClusterFile file = ClusterFileParser.parse(HEADER + "metadata: {name: lab}\nnodes: {servers: 3, agents: 2}\n"
                + "profiles: [rag]\n", "lab.yaml");

        ClusterFile resolved = file.overriddenBy(new ClusterFile.Overrides("other", null, null, 4, null, null, null,
                null, null, null, null));

        assertThat(resolved.name()).isEqualTo("other");
        assertThat(resolved.nodes().servers()).isEqualTo(3);
        assertThat(resolved.nodes().agents()).isEqualTo(4);
        assertThat(resolved.profiles()).containsExactly("rag");
    }

    @Test
    void aWrongTypeNamesTheFileTheLineTheFieldAndTheFix() {
        assertRefused(HEADER + "nodes:\n  servers: three\n", "lab.yaml line 4: nodes.servers is \"three\"; it"
                + " must be a whole number from 1 to 9", "write e.g. servers: 3 (an odd number keeps etcd's quorum"
                + " when one stops)");
    }

    @Test
    void anUnknownFieldListsTheFieldsThere() {
        assertRefused(HEADER + "nodes:\n  image: x\n  severs: 3\n", "lab.yaml line 5: nodes.severs is not a field"
                + " of nodes", "remove it or correct its spelling; the fields here are: image, servers, agents, gpus");
    }

    @Test
    void theApiVersionMustBeTheOneThisSikifansoReads() {
        assertRefused("apiVersion: k3d.io/v1alpha5\nkind: Simple\n", "lab.yaml line 1: apiVersion is"
                + " \"k3d.io/v1alpha5\"; this sikifanso reads sikifanso.io/v1alpha1",
                "write apiVersion: sikifanso.io/v1alpha1");
    }

    @Test
    void aMissingKindIsNamed() {
        assertRefused("apiVersion: sikifanso.io/v1alpha1\n", "lab.yaml line 1: kind is missing",
                "add kind: Cluster");
    }

    @Test
    void anUnknownCniSaysWhichThereAre() {
        assertRefused(HEADER + "network:\n  cni: calico\n", "lab.yaml line 4: network.cni is \"calico\"",
                "write cilium (the default) or flannel");
    }

    @Test
    void aBadItemOfAListIsFoundByItsIndex() {
        assertRefused(HEADER + "agents:\n  - name: a\n  - allow: [qdrant]\n", "lab.yaml line 5: agents[1].name is"
                + " missing", "add name: researcher");
    }

    @Test
    void aCustomAppWithoutAVersionIsRefused() {
        assertRefused(HEADER + "customApps:\n  - name: podinfo\n    repo: https://x.example\n    chart: podinfo\n"
                + "    namespace: podinfo\n", "lab.yaml line 4: customApps[0].version is missing",
                "add version: ... (as sikifanso app add takes it)");
    }

    @Test
    void twoAgentsOfOneNameAreRefused() {
        assertRefused(HEADER + "agents:\n  - name: a\n  - name: a\n", "lab.yaml line 5: agents[1].name repeats"
                + " \"a\" of agents[0]", "give each its own name, or merge the two");
    }

    @Test
    void aRepeatedHostPortIsRefused() {
        assertRefused(HEADER + "ports:\n  api: 8080\n  http: 8080\n", "lab.yaml line 5: ports.http repeats port"
                + " 8080 of ports.api", "give each host port its own number, or leave one out to have a free one"
                + " picked");
    }

    @Test
    void aBadClusterNameSaysTheRule() {
        assertThatThrownBy(() -> ClusterFileParser.parse(HEADER + "metadata:\n  name: Lab_1\n", "lab.yaml"))
                .hasMessage("lab.yaml line 4: metadata.name \"Lab_1\" is not a cluster name");
    }

    @Test
    void aKeyTwiceIsAYamlErrorWithItsLine() {
        assertThatThrownBy(() -> ClusterFileParser.parse(HEADER + "nodes:\n  agents: 1\n  agents: 2\n", "lab.yaml"))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("lab.yaml line 5: not valid YAML: Duplicate field 'agents'");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() {
        assertRefused("- a\n- b\n", "lab.yaml line 1: a cluster file is a YAML mapping", "start it with apiVersion:"
                + " sikifanso.io/v1alpha1 and kind: Cluster (see: sikifanso cluster config --schema)");
    }

    @Test
    void aBadRegistriesYamlIsReportedAtItsField() {
        assertThatThrownBy(() -> ClusterFileParser.parse(HEADER + "registry:\n  config: |\n    mirors: {}\n",
                "lab.yaml"))
                .hasMessage("lab.yaml line 4: registry.config unknown key mirors (allowed here: auths, configs,"
                        + " mirrors)");
    }

    @Test
    void aCreatedRegistryMayBeNamed() {
        ClusterFile file = ClusterFileParser.parse(HEADER + "registry:\n  create: true\n  name: team-registry\n"
                + "  port: 5001\n", "lab.yaml");

        assertThat(file.registry()).isEqualTo(new ClusterFile.Registry(true, "team-registry", 5001, null));
    }

    @Test
    void aRegistryNameThatIsNoContainerNameIsRefused() {
        assertRefused(HEADER + "registry:\n  create: true\n  name: -team registry\n", "lab.yaml line 5:"
                + " registry.name \"-team registry\" is not a container name", "use letters, digits, '_', '.' and"
                + " '-', starting with a letter or digit, at most 63 characters, e.g. name: my-registry");
    }

    @Test
    void aRegistryNameWithoutCreateIsRefused() {
        assertRefused(HEADER + "registry:\n  name: team-registry\n", "lab.yaml line 4: registry.name names a"
                + " registry the file does not create", "add create: true beside it, or leave name out");
    }

    @Test
    void aRegistryNameFlagWinsOverTheFiles() {
        ClusterFile file = ClusterFileParser.parse(HEADER + "registry: {create: true, name: a, port: 5001}\n", "f");

        ClusterFile resolved = file.overriddenBy(new ClusterFile.Overrides(null, null, null, null, null, null, true,
                "b", null, null, null));

        assertThat(resolved.registry()).isEqualTo(new ClusterFile.Registry(true, "b", 5001, null));
    }

    @Test
    void gpusAreAllOrACount() {
        assertThat(ClusterFileParser.parse(HEADER + "nodes: {gpus: all}\n", "f").nodes().gpus()).isEqualTo("all");
        assertRefused(HEADER + "nodes:\n  gpus: -1\n", "lab.yaml line 4: nodes.gpus is -1",
                "write gpus: all, or a number of GPUs such as gpus: 1");
    }

    private static void assertRefused(String yaml, String message, String fix) {
        assertThatThrownBy(() -> ClusterFileParser.parse(yaml, "lab.yaml"))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.hint()).isEqualTo(fix);
                    assertThat(e.exitCode()).isEqualTo(SikifansoException.USAGE);
                });
    }

    @Test
    void listsOfNamesHoldTextOnly() {
        assertRefused(HEADER + "apps:\n  - langfuse\n  - {name: x}\n", "lab.yaml line 5: apps[1] is a mapping",
                "write a catalog app name, e.g. langfuse (see: sikifanso app list --all)");
    }
}
