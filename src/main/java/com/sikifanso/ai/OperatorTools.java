package com.sikifanso.ai;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUnion;
import com.sikifanso.ops.JsonSchemas;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations the operator may call, exactly as the MCP server offers them ({@link Operation#offeredToClients()}:
 * the same names, descriptions and input JSON Schemas from {@link JsonSchemas}), as Messages API tool definitions.
 * The last definition carries the prompt-cache breakpoint, so the whole tool list is cached with the system prompt.
 */
public final class OperatorTools {
    private final List<Operation<?, ?>> offered;

    public OperatorTools(OperationRegistry registry, boolean readOnly) {
        this.offered = registry.all().stream().filter(Operation::offeredToClients)
                .filter(op -> !readOnly || op.safety().readOnly()).toList();
    }

    public List<Operation<?, ?>> offered() {
        return offered;
    }

    public Optional<Operation<?, ?>> find(String name) {
        return offered.stream().filter(op -> op.name().equals(name)).findFirst();
    }

    /** The definitions sent with every request; the last one marked for the prompt cache. */
    public List<ToolUnion> definitions() {
        List<ToolUnion> tools = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Tool.Builder tool = definition(offered.get(i));
            if (i == offered.size() - 1) {
                tool.cacheControl(CacheControlEphemeral.builder().build());
            }
            tools.add(ToolUnion.ofTool(tool.build()));
        }
        return tools;
    }

    @SuppressWarnings("unchecked")
    private static Tool.Builder definition(Operation<?, ?> op) {
        Map<String, Object> schema = JsonSchemas.input(op.input());
        Tool.InputSchema.Properties.Builder properties = Tool.InputSchema.Properties.builder();
        ((Map<String, Object>) schema.getOrDefault("properties", Map.of()))
                .forEach((name, property) -> properties.putAdditionalProperty(name, JsonValue.from(property)));
        Tool.InputSchema.Builder input = Tool.InputSchema.builder().properties(properties.build())
                .required((List<String>) schema.getOrDefault("required", List.of()));
        if (schema.containsKey("additionalProperties")) {
            input.putAdditionalProperty("additionalProperties", JsonValue.from(schema.get("additionalProperties")));
        }
        return Tool.builder().name(op.name()).description(op.description()).inputSchema(input.build());
    }
}
