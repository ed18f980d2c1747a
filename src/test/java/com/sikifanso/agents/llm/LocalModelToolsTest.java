package com.sikifanso.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.Services;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import com.sikifanso.doctor.CheckResult;
import com.sikifanso.doctor.DoctorReport;
import com.sikifanso.doctor.LocalModelChecks;
import com.sikifanso.doctor.Verdict;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's row per local model: the gateway's local models are read from the cluster's repo and each is asked
 * the OpenAI-shaped tool-calling request through the API server's service proxy with the master key, where the fabric8
 * mock answers in LiteLLM's chat-completions shape (no LiteLLM or Ollama runs here).
 */
@EnableKubernetesMockClient(crud = true)
class LocalModelToolsTest {
    private static final String COMPLETIONS = "/" + LiteLlmAdmin.SERVICE_PATH + "/v1/chat/completions";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;

    private Services services;
    private final List<RecordedRequest> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void runningLabWithTheGateway() throws Exception {
        RunningLab.home(root, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(root, client);
        services = RunningLab.cliServices(root);
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("litellm-proxy"));
    }

    private void modelAnswers(String body) {
        server.expect().post().withPath(COMPLETIONS).andReply(200, r -> {
            asked.add(r);
            return body;
        }).always();
    }

    private List<CheckResult> rows() {
        return new LocalModelChecks(services.localModels(), services.live()).addTo(DoctorReport.of(List.of()),
                ClusterName.of(RunningLab.CLUSTER), root.resolve("clusters/lab/gitops")).checks();
    }

    @Test
    void aLocalModelThatAnswersInTextFailsWithModelsKnownToWork() throws Exception {
        modelAnswers(ModelGatewayDouble.openAiText("The weather in Paris is usually mild."));

        List<CheckResult> rows = rows();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Model local tools");
            assertThat(row.status()).isEqualTo(Verdict.FAIL);
            assertThat(row.message()).isEqualTo("ollama/llama3.2:1b cannot call tools");
            assertThat(row.cause().cli()).startsWith("model local cannot call tools: asked to call get_weather, it answered"
                    + " in text");
            assertThat(row.fix().cli()).contains("qwen2.5:7b", "ollama.com/search?c=tools");
        });
        RecordedRequest request = asked.getFirst();
        String master = services.credentials().show(ClusterName.of(RunningLab.CLUSTER), "litellm-proxy").secrets().stream()
                .map(s -> s.values().get("LITELLM_MASTER_KEY")).filter(v -> v != null).findFirst().orElseThrow();
        assertThat(request.getHeader("API-Key")).isEqualTo(master);
        JsonNode body = Mappers.JSON.readTree(request.getBody().readUtf8());
        assertThat(body.path("model").asText()).as("the name clients ask the gateway for").isEqualTo("local");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
    }

    @Test
    void aLocalModelThatCallsTheToolPassesAndTheDoctorCommandShowsTheRow() throws Exception {
        modelAnswers(ModelGatewayDouble.openAiCall("get_weather", "{\"city\":\"Paris\"}"));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(Verdict.PASS);
            assertThat(row.message()).isEqualTo("ollama/llama3.2:1b calls tools");
        });

        RunningLab.Run doctor = RunningLab.cli(root, "-o", "json", "cluster", "doctor", "--check-timeout", "2s");
        JsonNode report = Mappers.JSON.readTree(doctor.out());
        assertThat(report.toString()).contains("\"name\":\"Model local tools\",\"status\":\"pass\"");
    }

    @Test
    void withoutTheGatewayEnabledThereIsNoRowAndNothingIsAsked() throws Exception {
        services.apps().disable(ClusterName.of(RunningLab.CLUSTER), "litellm-proxy", false);
        Path values = root.resolve("clusters/lab/gitops/" + LocalModels.VALUES);
        assertThat(values).exists();

        assertThat(rows()).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(Files.readString(values)).contains("model_name: local");
    }
}
