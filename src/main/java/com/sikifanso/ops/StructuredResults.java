package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An operation's result as data: MCP's {@code structuredContent} and the CLI's {@code -o json|yaml} are this
 * one tree, so a script and a model read the same fields. A {@link Hint} in it (a doctor check's fix) is text in the
 * reader's words: the CLI's, or, for MCP, the tools' ({@link #of(Object, Hint.Renderer)}).
 */
public final class StructuredResults {
    /** Absent values are left out, so the tree matches the output schema. */
    private static final ObjectMapper RESULTS = Mappers.JSON.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

    private StructuredResults() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object output) {
        return RESULTS.convertValue(output, Map.class);
    }

    /** The same tree with the hints in it rendered by {@code hints}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object output, Hint.Renderer hints) {
        try (TokenBuffer tree = new TokenBuffer(RESULTS, false)) {
            RESULTS.writer().withAttribute(Hint.Renderer.class, hints).writeValue(tree, output);
            return RESULTS.readValue(tree.asParser(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
