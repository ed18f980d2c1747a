package com.sikifanso.core;

import java.util.function.Consumer;

/**
 * Lines for a reader who names commands its own way: a model reads tools and their arguments (mcp/ToolHints), so
 * progress notes that name a command or a flag ({@link Progress#note(Hint)}) are written to it in those words. Any
 * other sink of lines reads the CLI's.
 */
public interface HintedLines extends Consumer<String> {
    Hint.Renderer renderer();

    static HintedLines of(Consumer<String> lines, Hint.Renderer renderer) {
        return new HintedLines() {
            @Override
            public Hint.Renderer renderer() {
                return renderer;
            }

            @Override
            public void accept(String line) {
                lines.accept(line);
            }
        };
    }

    /** The renderer {@code lines} asks for: the CLI's unless it is {@link HintedLines}. */
    static Hint.Renderer rendererOf(Consumer<String> lines) {
        return lines instanceof HintedLines h ? h.renderer() : Hint.CLI;
    }
}
