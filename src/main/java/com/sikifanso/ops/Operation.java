package com.sikifanso.ops;

import java.util.Optional;
import com.sikifanso.core.TextStyle;
import java.util.function.Function;

/**
 * One thing sikifanso can do, declared once: the MCP server, the AI operator and the dashboard
 * all call it through here. Input and output are records; their JSON Schemas are generated.
 *
 * @param confirmation for an input that needs the user's consent first, the question to ask
 * @param revealsSecrets its result holds secret values (passwords, keys): only the CLI, where a
 *        user asked in person, calls it; the MCP server never offers it, so no tool returns them
 * @param cliOnly why the MCP server does not offer it (it reads a local file, opens a screen, serves a port...);
 *        null for an operation every surface offers. Said here, in the registry, not by leaving a tool out
 */
public record Operation<I extends Record, O extends Record>(
        String name,
        String description,
        Toolset toolset,
        Safety safety,
        Class<I> input,
        Class<O> output,
        Handler<I, O> handler,
        Text<O> text,
        Function<I, Optional<String>> confirmation,
        boolean revealsSecrets,
        String cliOnly) {

    /** Runs the operation. */
    @FunctionalInterface
    public interface Handler<I, O> {
        O handle(I input, OperationContext context);
    }

    /** The one human rendering of a result, for the CLI's table output and MCP's text content alike. */
    @FunctionalInterface
    public interface Text<O> {
        String render(O output, TextStyle style);
    }

    public O call(I input, OperationContext context) {
        return handler.handle(input, context);
    }

    /** The result as plain text, for a model or a log. */
    public String render(Object output) {
        return render(output, TextStyle.PLAIN);
    }

    public String render(Object output, TextStyle style) {
        return text.render(output().cast(output), style);
    }

    @SuppressWarnings("unchecked")
    public Optional<String> confirmationFor(Object input) {
        return confirmation.apply((I) input);
    }

    static <I extends Record, O extends Record> Operation<I, O> of(String name, String description, Toolset toolset,
            Safety safety, Class<I> input, Class<O> output, Handler<I, O> handler, Function<O, String> text) {
        return of(name, description, toolset, safety, input, output, handler, (O out, TextStyle style) -> text.apply(out));
    }

    static <I extends Record, O extends Record> Operation<I, O> of(String name, String description, Toolset toolset,
            Safety safety, Class<I> input, Class<O> output, Handler<I, O> handler, Text<O> text) {
        Function<I, Optional<String>> confirm = safety.destructive()
                ? in -> Optional.of("Allow " + name + " with " + in + "?")
                : in -> Optional.empty();
        return new Operation<>(name, description, toolset, safety, input, output, handler, text, confirm, false, null);
    }

    /** The same operation with its own confirmation rule. */
    Operation<I, O> confirmWhen(Function<I, Optional<String>> rule) {
        return new Operation<>(name, description, toolset, safety, input, output, handler, text, rule, revealsSecrets,
                cliOnly);
    }

    /** The same operation marked as returning secret values (see {@code revealsSecrets}). */
    Operation<I, O> revealingSecrets() {
        return new Operation<>(name, description, toolset, safety, input, output, handler, text, confirmation, true,
                cliOnly);
    }

    /** The same operation kept off MCP, for the reason given (see {@code cliOnly}). */
    Operation<I, O> cliOnly(String why) {
        return new Operation<>(name, description, toolset, safety, input, output, handler, text, confirmation,
                revealsSecrets, why);
    }

    /** True when the MCP server (and the AI operator, which offers what MCP offers) may offer it. */
    public boolean offeredToClients() {
        return !revealsSecrets && cliOnly == null;
    }
}
