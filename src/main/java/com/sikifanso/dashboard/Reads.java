package com.sikifanso.dashboard;

import com.sikifanso.Services;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.ArgumentBinder;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationContext;
import java.util.Map;
import java.util.function.Function;

/**
 * What a page shows, read through the operations' own handlers, so a page says what {@code sikifanso ... -o json}
 * and the MCP tool say. Reads call the handler directly rather than through {@code Invocations}: a page view is not
 * an action to journal (and a journalled read would wake every open page, which would read again).
 */
final class Reads {
    private final Services services;

    Reads(Services services) {
        this.services = services;
    }

    /** A read's value, or why there is none (the message and its fix, as the CLI prints them). */
    record Read<O>(O value, String error) {
        boolean ok() {
            return error == null;
        }

        /** {@code shown} of the value, or the error as a paragraph. */
        String html(Function<O, String> shown) {
            return ok() ? shown.apply(value) : Html.error(error);
        }
    }

    <I extends Record, O extends Record> Read<O> read(Operation<I, O> operation, Map<String, Object> arguments) {
        try {
            I input = ArgumentBinder.bind(operation.input(), arguments);
            return new Read<>(operation.call(input, new OperationContext(services, msg -> { })), null);
        } catch (SikifansoException e) {
            return new Read<>(null, e.getMessage() + (e.hint() == null ? "" : " To fix: " + e.hint()));
        } catch (RuntimeException e) {
            return new Read<>(null, operation.name() + " failed: " + e.getMessage());
        }
    }

    /** A read rendered by the operation's own text renderer, in a block. */
    <I extends Record, O extends Record> String text(Operation<I, O> operation, Map<String, Object> arguments) {
        return read(operation, arguments).html(out -> Html.pre(operation.render(out)));
    }

    Services services() {
        return services;
    }
}
