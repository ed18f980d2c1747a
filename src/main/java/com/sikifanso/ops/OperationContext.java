package com.sikifanso.ops;

import com.sikifanso.Services;
import java.util.function.Consumer;

/** What a handler may use: the shared services, and a sink for progress messages. */
public record OperationContext(Services services, Consumer<String> progress) {
}
