package com.sikifanso.agents.llm;

import static com.sikifanso.agents.llm.ModelGatewayDouble.anthropicCall;
import static com.sikifanso.agents.llm.ModelGatewayDouble.anthropicText;
import static com.sikifanso.agents.llm.ModelGatewayDouble.openAiCall;
import static com.sikifanso.agents.llm.ModelGatewayDouble.openAiText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.llm.ToolCallCheck.Outcome;
import com.sikifanso.agents.llm.ToolCallCheck.Shape;
import com.sikifanso.core.SikifansoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tool-calling check over real HTTP against a local server in the two shapes LiteLLM serves (no model runs here),
 * answering with a valid call, with plain text and with malformed calls; the request each shape sends is asserted.
 */
class ToolCallCheckTest {
    private static final String KEY = "sk-gateway-test";
    private ModelGatewayDouble gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new ModelGatewayDouble();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private ToolCallCheck.Result check(Shape shape, String answer) {
        gateway.then(answer);
        return ToolCallCheck.check(ToolCallCheck.over(gateway.baseUrl() + "/", KEY), shape, "local");
    }

    @Test
    void theOpenAiShapeOffersTheToolAndAcceptsAValidCall() {
        ToolCallCheck.Result r = check(Shape.OPENAI, openAiCall("get_weather", "{\"city\": \"Paris\"}"));

        assertThat(r.outcome()).isEqualTo(Outcome.CALLS_TOOLS);
        assertThat(r.sentence())
                .isEqualTo("model local called get_weather correctly (get_weather {\"city\":\"Paris\"})");
        ModelGatewayDouble.Request sent = gateway.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = sent.body();
        assertThat(body.path("model").asText()).isEqualTo("local");
        assertThat(body.at("/messages/0/content").asText()).contains("Paris", "get_weather");
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(body.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("city");
    }

    @Test
    void theOpenAiShapeSaysPlainlyWhenTheModelAnswersInText() {
        ToolCallCheck.Result r = check(Shape.OPENAI, openAiText("I cannot check live weather, but Paris is mild."));

        assertThat(r.outcome()).isEqualTo(Outcome.ANSWERS_IN_TEXT);
        assertThat(r.sentence()).isEqualTo("model local cannot call tools: asked to call get_weather, it answered in "
                + "text (\"I cannot check live weather, but Paris is mild.\")");
        assertThat(ToolCallCheck.Result.fix("catalog/values/litellm-proxy.yaml")).contains("qwen2.5:7b",
                "llama3.1:8b", "ollama.com/search?c=tools", "catalog/values/ollama.yaml");
    }

    @Test
    void theOpenAiShapeCallsOutMalformedCalls() {
        assertThat(check(Shape.OPENAI, openAiCall("get_weather", "{city: Paris")).detail())
                .startsWith("arguments are not a JSON object: {city: Paris");
        assertThat(check(Shape.OPENAI, openAiCall("get_time", "{\"city\":\"Paris\"}")).detail())
                .isEqualTo("called \"get_time\", a tool it was not offered");
        ToolCallCheck.Result noCity = check(Shape.OPENAI, openAiCall("get_weather", "{\"location\":\"Paris\"}"));
        assertThat(noCity.outcome()).isEqualTo(Outcome.MALFORMED_CALL);
        assertThat(noCity.sentence()).isEqualTo("model local cannot call tools reliably: its call of get_weather was "
                + "malformed (arguments {\"location\":\"Paris\"} lack city Paris)");
        ToolCallCheck.Result asText = check(Shape.OPENAI,
                openAiText("{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}"));
        assertThat(asText.outcome()).isEqualTo(Outcome.MALFORMED_CALL);
        assertThat(asText.detail()).startsWith("it wrote the call as text: {\"name\": \"get_weather\"");
    }

    @Test
    void theAnthropicShapeOffersTheToolAndAcceptsAValidCall() {
        ToolCallCheck.Result r = check(Shape.ANTHROPIC, anthropicCall("get_weather", "{\"city\":\"paris\"}"));

        assertThat(r.callsTools()).isTrue();
        ModelGatewayDouble.Request sent = gateway.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.body().path("max_tokens").asInt()).isPositive();
        assertThat(sent.body().at("/tools/0/name").asText()).isEqualTo("get_weather");
        assertThat(sent.body().at("/tools/0/input_schema/properties/city/type").asText()).isEqualTo("string");
    }

    @Test
    void theAnthropicShapeTellsTextFromMalformedCalls() {
        ToolCallCheck.Result text = check(Shape.ANTHROPIC, anthropicText("It is sunny in Paris."));
        assertThat(text.outcome()).isEqualTo(Outcome.ANSWERS_IN_TEXT);
        assertThat(text.sentence()).contains("cannot call tools", "\"It is sunny in Paris.\"");

        ToolCallCheck.Result badInput = check(Shape.ANTHROPIC, anthropicCall("get_weather", "\"Paris\""));
        assertThat(badInput.outcome()).isEqualTo(Outcome.MALFORMED_CALL);
        assertThat(badInput.detail()).isEqualTo("input is not an object: \"Paris\"");
        assertThat(check(Shape.ANTHROPIC, anthropicCall("weather", "{\"city\":\"Paris\"}")).outcome())
                .isEqualTo(Outcome.MALFORMED_CALL);
    }

    @Test
    void aGatewayThatRefusesIsAnErrorNamingTheStatus() {
        assertThatThrownBy(() -> ToolCallCheck.check(ToolCallCheck.over(gateway.baseUrl(), KEY), Shape.OPENAI, "x"))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("the gateway refused the tool-calling check (/v1/chat/completions): HTTP 500");
    }
}
