package com.sikifanso.agents.llm;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Whether a model behind the gateway can call tools: one tiny request offering a {@value #TOOL} tool and asking for
 * Paris's weather, in the OpenAI-compatible ({@code /v1/chat/completions}) or Anthropic-compatible
 * ({@code /v1/messages}) shape, judged on the answer: a call of that tool with a city argument, plain text, or a call
 * that is malformed. Many small local models answer in text, or write the call as text; an agent or the AI operator
 * on such a model can do nothing.
 */
public final class ToolCallCheck {
    static final String TOOL = "get_weather";
    /** A small model on a laptop CPU may first have to load: minutes, not seconds. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);
    static final String PROMPT = "What is the weather in Paris right now? Use the get_weather tool.";

    /**
     * Ollama models known to call tools: Ollama's model library tags them "tools" (ollama.com/search?c=tools), and
     * Ollama's tool-support announcement (ollama.com/blog/tool-support) named Llama 3.1 and Mistral Nemo; sizes a
     * laptop runs.
     */
    public static final List<String> KNOWN_TO_WORK = List.of("qwen2.5:7b", "llama3.1:8b", "mistral-nemo:12b");
    static final String SOURCE = "tagged \"tools\" in Ollama's library, ollama.com/search?c=tools";

    /** The two request shapes LiteLLM serves. */
    public enum Shape {
        OPENAI("/v1/chat/completions"), ANTHROPIC("/v1/messages");

        private final String path;

        Shape(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public enum Outcome { CALLS_TOOLS, ANSWERS_IN_TEXT, MALFORMED_CALL }

    /** Sends one request and says what came back (an unreachable gateway is the transport's error). */
    @FunctionalInterface
    public interface Transport {
        JsonNode post(String path, ObjectNode body);
    }

    /** What the model did; {@code detail} is what it said or called, shortened. */
    public record Result(String model, Shape shape, Outcome outcome, String detail) {
        public boolean callsTools() {
            return outcome == Outcome.CALLS_TOOLS;
        }

        /** In words, for the doctor and {@code ai}. */
        public String sentence() {
            return switch (outcome) {
                case CALLS_TOOLS -> "model " + model + " called " + TOOL + " correctly (" + detail + ")";
                case ANSWERS_IN_TEXT -> "model " + model + " cannot call tools: asked to call " + TOOL
                        + ", it answered in text (" + detail + ")";
                case MALFORMED_CALL -> "model " + model + " cannot call tools reliably: its call of " + TOOL
                        + " was malformed (" + detail + ")";
            };
        }

        /** What to do when it cannot. */
        public static String fix(String valuesFile) {
            return "serve a model that calls tools, e.g. " + String.join(", ", KNOWN_TO_WORK) + " (" + SOURCE
                    + "): pull it in catalog/values/ollama.yaml and point the model in " + valuesFile + " at it";
        }
    }

    private ToolCallCheck() {
    }

    /**
     * A gateway at {@code baseUrl} (a port-forward to LiteLLM, or a test's server) with a bearer key; LiteLLM takes it
     * as {@code Authorization: Bearer} in both shapes, an Anthropic client sends {@code x-api-key} too.
     */
    public static Transport over(String baseUrl, String key) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return (path, body) -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + path))
                    .timeout(TIMEOUT).header("content-type", "application/json")
                    .header("authorization", "Bearer " + key).header("x-api-key", key)
                    .header("anthropic-version", "2023-06-01")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw SikifansoException.failure("the gateway refused the tool-calling check (" + path + "): HTTP "
                            + response.statusCode() + " " + shorten(response.body()),
                            "see ", Suggestion.of("app", "logs").arg("name", "litellm-proxy"));
                }
                return Mappers.JSON.readTree(response.body());
            } catch (IOException e) {
                throw SikifansoException.failure("cannot ask the gateway for the tool-calling check (" + path + "): "
                        + Throwables.rootMessage(e), "check it: ",
                        Suggestion.of("app", "status").arg("name", "litellm-proxy"), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SikifansoException.failure("interrupted during the tool-calling check", null, e);
            }
        };
    }

    public static Result check(Transport transport, Shape shape, String model) {
        return judge(shape, model, transport.post(shape.path(), request(shape, model)));
    }

    static ObjectNode request(Shape shape, String model) {
        ObjectNode body = Mappers.JSON.createObjectNode().put("model", model).put("max_tokens", 256);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        ObjectNode schema = Mappers.JSON.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("city").put("type", "string").put("description", "City name");
        schema.putArray("required").add("city");
        ArrayNode tools = body.putArray("tools");
        String description = "Current weather in a city";
        if (shape == Shape.OPENAI) {
            body.put("temperature", 0);
            tools.addObject().put("type", "function").putObject("function").put("name", TOOL)
                    .put("description", description).set("parameters", schema);
        } else {
            tools.addObject().put("name", TOOL).put("description", description).set("input_schema", schema);
        }
        return body;
    }

    static Result judge(Shape shape, String model, JsonNode answer) {
        return shape == Shape.OPENAI ? judgeOpenAi(model, answer) : judgeAnthropic(model, answer);
    }

    private static Result judgeOpenAi(String model, JsonNode answer) {
        JsonNode message = answer.path("choices").path(0).path("message");
        JsonNode calls = message.path("tool_calls");
        if (!calls.isArray() || calls.isEmpty()) {
            return text(model, Shape.OPENAI, message.path("content").asText(""));
        }
        JsonNode function = calls.path(0).path("function");
        JsonNode arguments;
        try {
            arguments = Mappers.JSON.readTree(function.path("arguments").asText(""));
        } catch (IOException e) {
            arguments = null;
        }
        if (arguments == null || !arguments.isObject()) {
            return new Result(model, Shape.OPENAI, Outcome.MALFORMED_CALL, "arguments are not a JSON object: "
                    + shorten(function.path("arguments").asText("")));
        }
        return call(model, Shape.OPENAI, function.path("name").asText(""), arguments);
    }

    private static Result judgeAnthropic(String model, JsonNode answer) {
        StringBuilder said = new StringBuilder();
        for (JsonNode block : answer.path("content")) {
            if ("tool_use".equals(block.path("type").asText())) {
                if (!block.path("input").isObject()) {
                    return new Result(model, Shape.ANTHROPIC, Outcome.MALFORMED_CALL, "input is not an object: "
                            + shorten(block.path("input").toString()));
                }
                return call(model, Shape.ANTHROPIC, block.path("name").asText(""), block.path("input"));
            }
            said.append(block.path("text").asText(""));
        }
        return text(model, Shape.ANTHROPIC, said.toString());
    }

    private static Result call(String model, Shape shape, String name, JsonNode arguments) {
        if (!TOOL.equals(name)) {
            return new Result(model, shape, Outcome.MALFORMED_CALL, "called \"" + shorten(name) + "\", a tool it "
                    + "was not offered");
        }
        String city = arguments.path("city").asText("");
        if (!city.toLowerCase(Locale.ROOT).contains("paris")) {
            return new Result(model, shape, Outcome.MALFORMED_CALL, "arguments " + shorten(arguments.toString())
                    + " lack city Paris");
        }
        return new Result(model, shape, Outcome.CALLS_TOOLS, TOOL + " " + arguments);
    }

    /** Text only; a call written out as text (as small models do) is a malformed call, not an answer. */
    private static Result text(String model, Shape shape, String said) {
        if (said.contains(TOOL) && said.contains("{")) {
            return new Result(model, shape, Outcome.MALFORMED_CALL, "it wrote the call as text: " + shorten(said));
        }
        return new Result(model, shape, Outcome.ANSWERS_IN_TEXT, "\"" + shorten(said) + "\"");
    }

    private static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
