package com.sikifanso.ai;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.ai.ScriptedMessagesApi.Turn.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.sikifanso.Services;
import com.sikifanso.agents.llm.ModelGatewayDouble;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai --via litellm}: the operator's requests go to the cluster's LiteLLM gateway with the master key generated
 * for the cluster. fabric8's mock API server cannot port-forward, so the forward is answered by a local stand-in of
 * the gateway (the scripted Messages server), and the test checks what was asked of the forward and what reached it.
 */
@EnableKubernetesMockClient(crud = true)
class LiteLlmGatewayTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    private Services services;

    @BeforeEach
    void runningLab() throws Exception {
        RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        services = RunningLab.cliServices(tmp);
    }

    @Test
    void theRequestsGoThroughTheForwardToTheGatewayWithTheClustersMasterKey() throws Exception {
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("litellm-proxy"));
        String masterKey = services.credentials().show(ClusterName.of(RunningLab.CLUSTER), "litellm-proxy").secrets().stream()
                .map(s -> s.values().get("LITELLM_MASTER_KEY")).filter(v -> v != null).findFirst().orElseThrow();
        List<String> asked = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        try (ScriptedMessagesApi gateway = new ScriptedMessagesApi()) {
            gateway.then(turn().text("answered by the gateway"));
            try (LiteLlmGateway via = LiteLlmGateway.open(services, ClusterName.of(RunningLab.CLUSTER), (namespace, service, port) -> {
                asked.add(namespace + "/" + service + ":" + port);
                return new LiteLlmGateway.Forward(gateway.baseUrl(), () -> closed.set(true));
            })) {
                AnthropicClient claude = via.endpoint().client(0, Duration.ofSeconds(30));
                try (StreamResponse<RawMessageStreamEvent> events = claude.messages().createStreaming(
                        MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(64)
                                .addUserMessage("hello").build())) {
                    assertThat(events.stream().count()).isPositive();
                }
            }

            assertThat(asked).containsExactly("gateway/litellm-proxy:4000");
            assertThat(closed).as("the forward is closed with the gateway").isTrue();
            assertThat(gateway.requests()).hasSize(1);
            assertThat(gateway.requests().get(0).headers()).containsEntry("authorization", "Bearer " + masterKey);
        }
    }

    @Test
    void withoutTheGatewayEnabledItSaysHowToEnableIt() {
        assertThatThrownBy(() -> LiteLlmGateway.open(services, ClusterName.of(RunningLab.CLUSTER), (n, s, p) -> {
            throw new AssertionError("nothing to forward to");
        }))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("litellm-proxy is not enabled on cluster \"lab\"")
                .satisfies(e -> assertThat(((SikifansoException) e).hint())
                        .isEqualTo("enable it with: sikifanso app enable litellm-proxy -c lab"));
    }

    @Test
    void aForwardThatFailsNamesTheServiceAndTheFix() {
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("litellm-proxy"));
        assertThatThrownBy(() -> LiteLlmGateway.open(services, ClusterName.of(RunningLab.CLUSTER), (n, s, p) -> {
            throw new IllegalStateException("no pod backs the service");
        }))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("cannot reach the LiteLLM gateway (service litellm-proxy in namespace gateway): "
                        + "no pod backs the service")
                .satisfies(e -> assertThat(((SikifansoException) e).hint())
                        .isEqualTo("check it with: sikifanso app status litellm-proxy"));
    }

    @Test
    void onFirstUseAModelThatCannotCallToolsIsRefusedAndOneThatCanIsRememberedAndNotAskedAgain() throws Exception {
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("litellm-proxy"));
        try (ModelGatewayDouble model = new ModelGatewayDouble()) {
            model.then(ModelGatewayDouble.anthropicText("Paris is lovely this time of year."))
                    .then(ModelGatewayDouble.anthropicCall("get_weather", "{\"city\":\"Paris\"}"));
            List<String> said = new ArrayList<>();
            try (LiteLlmGateway via = LiteLlmGateway.open(services, ClusterName.of(RunningLab.CLUSTER),
                    (n, s, p) -> new LiteLlmGateway.Forward(model.baseUrl(), () -> { }))) {
                assertThatThrownBy(() -> via.requireToolCalling("local", said::add))
                        .isInstanceOf(SikifansoException.class)
                        .hasMessage("model local cannot call tools: asked to call get_weather, it answered in text "
                                + "(\"Paris is lovely this time of year.\"); the AI operator works only through tools")
                        .satisfies(e -> assertThat(((SikifansoException) e).hint()).startsWith("choose one that "
                                + "does with --model, or serve a model that calls tools, e.g. qwen2.5:7b"));
                assertThat(said).containsExactly("Checking that model local can call tools through the gateway "
                        + "(first use)...");

                via.requireToolCalling("local", said::add);
                via.requireToolCalling("local", said::add);
            }
            assertThat(model.requests()).hasSize(2).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/v1/messages");
                assertThat(r.body().at("/tools/0/name").asText()).isEqualTo("get_weather");
                assertThat(r.body().path("model").asText()).isEqualTo("local");
            });
            assertThat(tmp.resolve("clusters/lab/" + LiteLlmGateway.CHECKED)).content()
                    .isEqualToIgnoringWhitespace("[\"local\"]");
        }
    }
}
