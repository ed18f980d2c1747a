package com.sikifanso.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server in the shapes LiteLLM serves a model in: {@code POST /v1/chat/completions} (OpenAI-compatible)
 * and {@code POST /v1/messages} (Anthropic-compatible), non-streaming, answering each request with the next scripted
 * body and keeping every request (path, headers, body) for assertions. The answer bodies follow OpenAI's
 * chat-completion object (choices[].message.tool_calls[].function.{name, arguments as a JSON string}) and Anthropic's
 * message object (content[] blocks of type text or tool_use with name and input).
 */
public final class ModelGatewayDouble implements AutoCloseable {
    public record Request(String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public ModelGatewayDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    Mappers.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8))));
            String answer;
            synchronized (answers) {
                answer = answers.pollFirst();
            }
            byte[] body = (answer == null ? "{\"error\":\"nothing scripted\"}" : answer)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ModelGatewayDouble then(String json) {
        synchronized (answers) {
            answers.addLast(json);
        }
        return this;
    }

    public List<Request> requests() {
        return requests;
    }

    /** An OpenAI chat completion whose message calls {@code name} with {@code arguments} (a JSON string). */
    public static String openAiCall(String name, String arguments) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"local\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
                + Mappers.JSON.valueToTree(name) + ",\"arguments\":" + Mappers.JSON.valueToTree(arguments) + "}}]}}]}";
    }

    public static String openAiText(String text) {
        return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"model\":\"local\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                + Mappers.JSON.valueToTree(text) + "}}]}";
    }

    /** An Anthropic message with a tool_use block. */
    public static String anthropicCall(String name, String inputJson) {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"local\",\"stop_reason\":"
                + "\"tool_use\",\"content\":[{\"type\":\"text\",\"text\":\"Let me check.\"},{\"type\":\"tool_use\","
                + "\"id\":\"toolu_1\",\"name\":" + Mappers.JSON.valueToTree(name) + ",\"input\":" + inputJson + "}]}";
    }

    public static String anthropicText(String text) {
        return "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"local\",\"stop_reason\":"
                + "\"end_turn\",\"content\":[{\"type\":\"text\",\"text\":" + Mappers.JSON.valueToTree(text) + "}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
