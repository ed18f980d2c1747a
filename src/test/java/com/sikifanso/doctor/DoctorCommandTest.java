package com.sikifanso.doctor;

import static com.sikifanso.doctor.LabCluster.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.LabKubeconfig;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.OperationRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster doctor} run in-process as {@code Main} runs it, wired by the production code: the
 * kubeconfig points at fabric8's mock server and DOCKER_HOST at a scripted engine.
 */
class DoctorCommandTest extends HealthyLab {
    private Path kubeconfig;

    record Run(int code, String out, String err) {
    }

    @Override
    Path labRoot() {
        return tmp.resolve("home");
    }

    @BeforeEach
    void kubeconfigOfTheMockServer() throws IOException {
        kubeconfig = tmp.resolve("kubeconfig");
        LabKubeconfig.write(kubeconfig, client.getMasterUrl().toString());
    }

    private Run sikifanso(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(args, Map.of("SIKIFANSO_HOME", tmp.resolve("home").toString(),
                        "DOCKER_HOST", docker.host(), "KUBECONFIG", kubeconfig.toString(), "HOME", tmp.toString()),
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }

    private void breakRepoServer() {
        lab.workload(LabCluster.workload("Argo CD repo-server"), 1, 0);
    }

    @Test
    void aHealthyClusterExits0InTableAndJson() throws IOException {
        Run table = sikifanso("cluster", "doctor", CLUSTER);
        Run json = sikifanso("-o", "json", "cluster", "doctor", CLUSTER);

        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern("(?m)^PASS  Argo CD server +Deployment argocd-server: 1/1 ready$")
                .endsWith("18 passed, 0 warnings, 0 failed\n");
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(Mappers.JSON.readTree(json.out()).path("summary").toString())
                .isEqualTo("{\"pass\":18,\"warn\":0,\"fail\":0}");
    }

    @Test
    void aFailingCheckExits1InTableShowingCauseAndFix() {
        breakRepoServer();

        Run r = sikifanso("-c", CLUSTER, "cluster", "doctor");

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("(?m)^FAIL  Argo CD repo-server +Deployment argocd-repo-server: 0/1 ready$")
                .containsPattern("(?m)^ {41}cause: no pods exist for it in namespace argocd$")
                .contains("fix:   restart the cluster: sikifanso cluster stop lab && sikifanso cluster start lab")
                .endsWith("17 passed, 0 warnings, 1 failed\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFailingCheckExits1InJsonAndYamlToo() throws IOException {
        breakRepoServer();

        Run json = sikifanso("-o", "json", "cluster", "doctor", CLUSTER);
        Run yaml = sikifanso("-o", "yaml", "cluster", "doctor", CLUSTER);

        assertThat(json.code()).isEqualTo(1);
        assertThat(yaml.code()).isEqualTo(1);
        JsonNode doc = Mappers.JSON.readTree(json.out());
        assertThat(doc.path("summary").toString()).isEqualTo("{\"pass\":17,\"warn\":0,\"fail\":1}");
        JsonNode failed = doc.path("checks").get(14);
        assertThat(failed.path("name").asText()).isEqualTo("Argo CD repo-server");
        assertThat(failed.path("status").asText()).isEqualTo("fail");
        assertThat(failed.path("cause").asText()).isEqualTo("no pods exist for it in namespace argocd");
        assertThat(failed.path("fix").asText()).startsWith("restart the cluster: sikifanso cluster stop lab");
        assertThat(doc.path("checks").get(0).has("cause")).isFalse();
        assertThat(Mappers.YAML.readTree(yaml.out())).isEqualTo(doc);
    }

    @Test
    void withoutAClusterItReportsWhatItCanAndExits1WithoutAStackTrace() throws IOException {
        Run r = sikifanso("-o", "json", "cluster", "doctor", "nowhere");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        JsonNode doc = Mappers.JSON.readTree(r.out());
        assertThat(doc.path("checks").findValuesAsText("name")).containsExactly("Docker", "Session");
        assertThat(doc.path("checks").get(1).path("fix").asText())
                .isEqualTo("create it: sikifanso cluster create nowhere");

        Run table = sikifanso("cluster", "doctor", "nowhere");
        assertThat(table.code()).isEqualTo(1);
        assertThat(table.out()).containsPattern("(?m)^FAIL  Session  no such cluster$").doesNotContain("Exception");
    }

    @Test
    void watchRunsAgainUntilStopped() {
        Run r = sikifanso("cluster", "doctor", CLUSTER, "--watch", "--interval", "10ms", "--watch-runs", "2");

        assertThat(r.code()).isZero();
        assertThat(r.out().split("18 passed", -1)).hasSize(3);
    }

    @Test
    void theDoctorOperationIsRegisteredReadOnlyInItsToolset() {
        var op = new OperationRegistry().find("doctor").orElseThrow();

        assertThat(op.toolset()).isEqualTo(com.sikifanso.ops.Toolset.doctor);
        assertThat(op.safety().readOnly()).isTrue();
        assertThat(op.safety().destructive()).isFalse();
    }

    @Test
    void theOperationReturnsTheReportAndItsTextForModels() {
        var registry = new OperationRegistry();
        var context = new com.sikifanso.ops.OperationContext(lab.home.services(), message -> { });

        Object report = registry.invoke("doctor", Map.of("cluster", "nowhere"), context);

        assertThat(report).isInstanceOfSatisfying(DoctorReport.class, r -> {
            assertThat(r.failed()).isTrue();
            assertThat(r.checks()).extracting(CheckResult::name).containsExactly("Docker", "Session");
        });
        assertThat(registry.find("doctor").orElseThrow().render(report))
                .contains("fix:   create it: sikifanso cluster create nowhere");
    }
}
