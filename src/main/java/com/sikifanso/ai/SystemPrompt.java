package com.sikifanso.ai;

import com.sikifanso.ops.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the operator is told before the conversation: how it works, how it troubleshoots and plans the catalog
 * ({@code ai/system-prompt.md}, the same for every request so it stays in the prompt cache), then the cluster it acts
 * on and whether it may change anything.
 */
final class SystemPrompt {
    private SystemPrompt() {
    }

    static String text() {
        try (InputStream in = SystemPrompt.class.getResourceAsStream("/ai/system-prompt.md")) {
            if (in == null) {
                throw new IllegalStateException("ai/system-prompt.md is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String context(String cluster, OperatorTools tools) {
        List<String> changing = tools.offered().stream().filter(op -> !op.safety().readOnly()).map(Operation::name)
                .toList();
        return "The cluster is \"" + cluster + "\" (tools default to it when you leave cluster out). "
                + (changing.isEmpty() ? "This session is read-only: diagnose and advise, and give the user the "
                + "commands to run for any change." : "Tools that change something (each shown as a plan to "
                + "approve first): " + String.join(", ", changing) + ".");
    }
}
