package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.infra.InfraConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Helm values Cilium and Argo CD get for one cluster, asserted as data. */
class HelmValuesTest {
    private final InfraConfig infra = TestInfra.withNodePorts(31082, 31083, 31080, 31081);

    @Test
    void ciliumReachesTheApiServerAtTheServerContainersAddressOnPort6443() {
        ObjectNode values = HelmValues.cilium(infra, TestInfra.SERVER_IP);

        assertThat(values.path("k8sServiceHost").asText()).isEqualTo("172.28.0.2");
        assertThat(values.path("k8sServicePort").asInt()).isEqualTo(6443);
        assertThat(values.path("kubeProxyReplacement").asBoolean()).isTrue();
        assertThat(values.at("/ipam/mode").asText()).isEqualTo("kubernetes");
    }

    @Test
    void ciliumPutsHubbleUiAndTheIngressControllerOnTheClustersNodePorts() {
        ObjectNode values = HelmValues.cilium(infra, TestInfra.SERVER_IP);

        assertThat(values.at("/hubble/ui/service/type").asText()).isEqualTo("NodePort");
        assertThat(values.at("/hubble/ui/service/nodePort").asInt()).isEqualTo(31081);
        assertThat(values.at("/hubble/relay/enabled").asBoolean()).isTrue();
        assertThat(values.at("/ingressController/service/type").asText()).isEqualTo("NodePort");
        assertThat(values.at("/ingressController/service/insecureNodePort").asInt()).isEqualTo(31082);
        assertThat(values.at("/ingressController/service/secureNodePort").asInt()).isEqualTo(31083);
        assertThat(values.at("/ingressController/enabled").asBoolean()).isTrue();
    }

    @Test
    void ciliumWithoutAnApiServerAddressIsRefused() {
        assertThatThrownBy(() -> HelmValues.cilium(infra, " "))
                .hasMessage("Cilium needs the API server's address on the cluster network");
    }

    @Test
    void theClusterAddressWinsOverAnOverrideInTheRepo() {
        InfraConfig overridden = TestInfra.withValues(TestInfra.yaml("k8sServiceHost: 10.0.0.1\nipam: {mode: "
                + "cluster-pool}\ndebug: {enabled: true}"), TestInfra.yaml("{}"));

        ObjectNode values = HelmValues.cilium(overridden, TestInfra.SERVER_IP);

        assertThat(values.path("k8sServiceHost").asText()).isEqualTo("172.28.0.2");
        assertThat(values.at("/ipam/mode").asText()).isEqualTo("kubernetes");
        assertThat(values.at("/debug/enabled").asBoolean()).isTrue();
    }

    @Test
    void argocdServesItsUiInsecurelyOnTheArgoCdNodePort() {
        ObjectNode values = HelmValues.argocd(infra);

        assertThat(values.at("/server/service/type").asText()).isEqualTo("NodePort");
        assertThat(values.at("/server/service/nodePortHttp").asInt()).isEqualTo(31080);
        assertThat(strings(values.at("/server/extraArgs"))).contains("--insecure");
        assertThat(values.at("/server/serviceGrpc").isMissingNode()).as("not a key of the argo-cd chart").isTrue();
    }

    @Test
    void argocdsRepoServerMountsTheGitOpsHostPathReadOnly() {
        ObjectNode values = HelmValues.argocd(infra);

        assertThat(values.at("/repoServer/volumes")).hasSize(2);
        assertThat(values.at("/repoServer/volumes/0")).isEqualTo(TestInfra.yaml(
                "{name: gitops, hostPath: {path: /local-gitops, type: Directory}}"));
        assertThat(values.at("/repoServer/volumeMounts/0")).isEqualTo(TestInfra.yaml(
                "{name: gitops, mountPath: /local-gitops, readOnly: true}"));
    }

    @Test
    void argocdsRepoServerGitTrustsTheRepoThroughAFileArgoCdDoesNotOverride() {
        ObjectNode values = HelmValues.argocd(infra);

        assertThat(values.at("/repoServer/env")).contains(TestInfra.yaml(
                "{name: GIT_CONFIG_GLOBAL, value: /etc/sikifanso-git/gitconfig}"));
        assertThat(values.at("/repoServer/volumes")).contains(TestInfra.yaml(
                "{name: sikifanso-git, configMap: {name: sikifanso-repo-server-git}}"));
        assertThat(values.at("/repoServer/volumeMounts")).contains(TestInfra.yaml(
                "{name: sikifanso-git, mountPath: /etc/sikifanso-git, readOnly: true}"));
        assertThat(values.at("/extraObjects")).containsExactly(TestInfra.yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: sikifanso-repo-server-git}
                data:
                  gitconfig: "[safe]\\n\\tdirectory = /local-gitops\\n\\tdirectory = /local-gitops/.git\\n"
                """));
    }

    @Test
    void argocdRegistersTheLocalRepositoryAndEnablesProgressiveSyncs() {
        ObjectNode values = HelmValues.argocd(infra);

        assertThat(values.at("/configs/repositories/local-gitops")).isEqualTo(TestInfra.yaml(
                "{type: git, url: /local-gitops}"));
        assertThat(values.at("/applicationSet/enabled").isMissingNode())
                .as("not a key of the argo-cd chart: the controller is always deployed").isTrue();
        assertThat(strings(values.at("/applicationSet/extraArgs"))).containsExactly("--repo-server-plaintext",
                "--enable-progressive-syncs");
        assertThat(values.at("/dex/enabled").asBoolean()).isFalse();
    }

    @Test
    void everyRepoServerClientIsToldTheRepoServerIsPlaintext() {
        ObjectNode values = HelmValues.argocd(infra);

        JsonNode params = values.at("/configs/params");
        assertThat(params.path("reposerver.disable.tls").asBoolean()).isTrue();
        assertThat(params.path("controller.repo.server.plaintext").asBoolean()).isTrue();
        assertThat(params.path("notificationscontroller.repo.server.plaintext").asBoolean()).isTrue();
        assertThat(strings(values.at("/server/extraArgs"))).contains("--repo-server-plaintext");
        assertThat(strings(values.at("/applicationSet/extraArgs"))).contains("--repo-server-plaintext");
    }

    @Test
    void anOverrideReplacingTheListsKeepsTheMountAndTheProgressiveSyncsFlag() {
        InfraConfig overridden = TestInfra.withValues(TestInfra.yaml("{}"), TestInfra.yaml("""
                repoServer:
                  volumes: [{name: cache, emptyDir: {}}]
                  volumeMounts: [{name: cache, mountPath: /cache}]
                applicationSet:
                  extraArgs: [--debug]
                configs:
                  repositories:
                    local-gitops: {url: /elsewhere}
                """));

        ObjectNode values = HelmValues.argocd(overridden);

        List<String> volumes = new ArrayList<>();
        values.at("/repoServer/volumes").forEach(v -> volumes.add(v.path("name").asText()));
        assertThat(volumes).containsExactly("cache", "gitops", "sikifanso-git");
        assertThat(values.at("/repoServer/volumeMounts").findValuesAsText("mountPath"))
                .containsExactly("/cache", "/local-gitops", "/etc/sikifanso-git");
        assertThat(strings(values.at("/applicationSet/extraArgs"))).containsExactly("--debug",
                "--enable-progressive-syncs");
        assertThat(values.at("/configs/repositories/local-gitops/url").asText()).isEqualTo("/local-gitops");
    }

    @Test
    void theInfraSettingsAreNotChangedByComputingValues() {
        JsonNode before = infra.argocdValues().deepCopy();

        HelmValues.argocd(infra);
        HelmValues.cilium(infra, TestInfra.SERVER_IP);

        assertThat(infra.argocdValues()).isEqualTo(before);
        assertThat(infra.ciliumValues().has("k8sServiceHost")).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
