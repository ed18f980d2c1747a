package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.CrdSchema;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The objects the bootstrap writes, validated against Argo CD's upstream CRD schemas, vendored in src/test/resources/crds (SOURCES.md). */
class InfraManifestsSchemaTest {
    private static final CrdSchema APPLICATION = CrdSchema.argoCdApplication();
    private static final CrdSchema APPLICATION_SET = CrdSchema.argoCdApplicationSet();

    private final InfraConfig infra = TestInfra.withNodePorts(30082, 30083, 30080, 30081);

    @TempDir
    Path repo;

    private InfraApplication cilium() {
        return InfraApplication.cilium(infra.cilium(), "1.19.6", HelmValues.cilium(infra, TestInfra.SERVER_IP));
    }

    private InfraApplication argocd() {
        return InfraApplication.of(infra.argocd(), "10.2.1", HelmValues.argocd(infra));
    }

    @Test
    void theCiliumAndArgoCdApplicationsAreValidApplications() {
        assertThat(APPLICATION.violations(cilium().toJson())).isEmpty();
        assertThat(APPLICATION.violations(argocd().toJson())).isEmpty();
    }

    @Test
    void theCiliumApplicationTakesOverTheInstalledReleaseWithItsValues() {
        JsonNode app = cilium().toJson();

        assertThat(app.at("/metadata/name").asText()).isEqualTo("cilium");
        assertThat(app.at("/metadata/namespace").asText()).isEqualTo("argocd");
        assertThat(app.at("/metadata/finalizers").isMissingNode()).as("deleting it must not uninstall Cilium")
                .isTrue();
        assertThat(app.at("/spec/source")).isEqualTo(TestInfra.yaml("""
                repoURL: https://helm.cilium.io/
                chart: cilium
                targetRevision: 1.19.6
                helm: {releaseName: cilium, valuesObject: %s}
                """.formatted(HelmValues.cilium(infra, TestInfra.SERVER_IP))));
        assertThat(app.at("/spec/source/helm/valuesObject/k8sServiceHost").asText()).isEqualTo("172.28.0.2");
        assertThat(app.at("/spec/destination")).isEqualTo(TestInfra.yaml(
                "{server: 'https://kubernetes.default.svc', namespace: kube-system}"));
        assertThat(app.at("/spec/syncPolicy")).isEqualTo(TestInfra.yaml(
                "{automated: {selfHeal: false, prune: false}, syncOptions: [CreateNamespace=true,"
                        + " ServerSideApply=true, RespectIgnoreDifferences=true]}"));
    }

    @Test
    void theCiliumApplicationNeitherDiffsNorRotatesHubblesGeneratedCertificates() {
        JsonNode app = cilium().toJson();

        assertThat(app.at("/spec/ignoreDifferences")).isEqualTo(TestInfra.yaml("""
                - {group: "", kind: Secret, name: cilium-ca, namespace: kube-system,
                   jsonPointers: [/data/ca.crt, /data/ca.key]}
                - {group: "", kind: ConfigMap, name: hubble-ca-cert, namespace: kube-system,
                   jsonPointers: [/data/ca.crt]}
                - {group: "", kind: Secret, name: hubble-server-certs, namespace: kube-system,
                   jsonPointers: [/data/ca.crt, /data/tls.crt, /data/tls.key]}
                - {group: "", kind: Secret, name: hubble-relay-client-certs, namespace: kube-system,
                   jsonPointers: [/data/ca.crt, /data/tls.crt, /data/tls.key]}
                """));
        assertThat(app.at("/spec/syncPolicy/syncOptions").toString())
                .as("without it a sync still overwrites the ignored fields").contains("RespectIgnoreDifferences=true");
    }

    @Test
    void theArgoCdApplicationIgnoresNothing() {
        JsonNode app = argocd().toJson();

        assertThat(app.at("/spec/ignoreDifferences").isMissingNode()).isTrue();
        assertThat(app.at("/spec/syncPolicy/syncOptions").toString()).doesNotContain("RespectIgnoreDifferences");
    }

    @Test
    void theArgoCdApplicationManagesArgoCdInItsNamespace() {
        JsonNode app = argocd().toJson();

        assertThat(app.at("/metadata/name").asText()).isEqualTo("argocd");
        assertThat(app.at("/spec/source/chart").asText()).isEqualTo("argo-cd");
        assertThat(app.at("/spec/source/repoURL").asText()).isEqualTo("https://argoproj.github.io/argo-helm");
        assertThat(app.at("/spec/source/targetRevision").asText()).isEqualTo("10.2.1");
        assertThat(app.at("/spec/destination/namespace").asText()).isEqualTo("argocd");
        assertThat(app.at("/spec/source/helm/valuesObject/server/service/nodePortHttp").asInt()).isEqualTo(30080);
    }

    @Test
    void theThreeRootApplicationSetsOfTheTemplateAreValid() {
        List<ObjectNode> sets = RootApplicationSets.read(TestInfra.repoWithRootSets(repo));

        assertThat(sets).extracting(s -> s.at("/metadata/name").asText()).containsExactly("root", "catalog",
                "agents");
        for (ObjectNode set : sets) {
            assertThat(APPLICATION_SET.violations(set)).as(set.at("/metadata/name").asText()).isEmpty();
        }
        assertThat(sets.get(1).at("/spec/strategy/type").asText()).as("needs --enable-progressive-syncs")
                .isEqualTo("RollingSync");
    }

    @Test
    void aBrokenApplicationIsRejected() {
        ObjectNode misspelt = (ObjectNode) cilium().toJson();
        ((ObjectNode) misspelt.get("spec")).set("destinaton", misspelt.at("/spec/destination"));
        ((ObjectNode) misspelt.get("spec")).remove("destination");
        ObjectNode wrongType = (ObjectNode) argocd().toJson();
        ((ObjectNode) wrongType.at("/spec/source/helm")).set("values", wrongType.at("/spec/source/helm/valuesObject"));

        assertThat(APPLICATION.violations(misspelt)).anyMatch(m -> m.contains("destinaton"))
                .anyMatch(m -> m.contains("destination"));
        assertThat(APPLICATION.violations(wrongType)).anyMatch(m -> m.contains("values")
                && m.contains("string"));
    }

    @Test
    void aBrokenApplicationSetIsRejected() {
        ObjectNode set = RootApplicationSets.read(TestInfra.repoWithRootSets(repo)).get(1);
        ((ObjectNode) set.get("spec")).remove("generators");
        ((ObjectNode) set.at("/spec/strategy")).put("type", 3);

        assertThat(APPLICATION_SET.violations(set)).anyMatch(m -> m.contains("generators"))
                .anyMatch(m -> m.contains("type") && m.contains("integer"));
    }

    @Test
    void aRootFileThatIsNotAnApplicationSetIsRefusedBeforeAnythingIsInstalled() throws Exception {
        TestInfra.repoWithRootSets(repo);
        Files.writeString(repo.resolve("bootstrap/root-agents.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: agents}\n");

        assertThatThrownBy(() -> RootApplicationSets.read(repo)).isInstanceOf(SikifansoException.class)
                .hasMessage(repo.resolve("bootstrap/root-agents.yaml") + " is not an Argo CD ApplicationSet with a"
                        + " name");
    }

    @Test
    void aMissingRootFileNamesTheFilesTheRepoNeeds() throws Exception {
        TestInfra.repoWithRootSets(repo);
        Files.delete(repo.resolve("bootstrap/root-catalog.yaml"));

        assertThatThrownBy(() -> RootApplicationSets.read(repo)).isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("cannot read " + repo.resolve("bootstrap/root-catalog.yaml"))
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("bootstrap/root-app.yaml, bootstrap/root-catalog.yaml, bootstrap/root-agents.yaml");
    }
}
