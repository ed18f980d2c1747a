package com.sikifanso.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.TextStyle;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a command's words go: results to stdout (as a table, JSON or YAML), progress, prompts
 * and warnings to stderr, so results pipe cleanly.
 */
public final class Output implements TextStyle {
    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final boolean color;

    public Output(PrintWriter out, PrintWriter err, OutputFormat format, boolean color) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.color = color;
    }

    public OutputFormat format() {
        return format;
    }

    /** Whether results are coloured: a terminal, without --no-color or NO_COLOR. */
    public boolean color() {
        return color;
    }

    public boolean structured() {
        return format != OutputFormat.table;
    }

    /** Prints {@code data} as JSON/YAML, or the human rendering for table output. */
    public void result(Object data, Supplier<String> human) {
        switch (format) {
            case json -> out.println(serialise(() -> Mappers.JSON.writeValueAsString(data)));
            case yaml -> out.print(serialise(() -> Mappers.YAML.writeValueAsString(data)));
            case table -> out.print(human.get());
        }
        out.flush();
    }

    /** A line of result text (table output only; structured output carries it as data). */
    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public void info(String text) {
        err.println(text);
        err.flush();
    }

    public void warn(String text) {
        err.println(yellow("warning: ") + text);
        err.flush();
    }

    @Override
    public String green(String s) {
        return paint("32", s);
    }

    @Override
    public String red(String s) {
        return paint("31", s);
    }

    @Override
    public String yellow(String s) {
        return paint("33", s);
    }

    @Override
    public String bold(String s) {
        return paint("1", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    private interface Serialiser {
        String get() throws JsonProcessingException;
    }

    private static String serialise(Serialiser s) {
        try {
            return s.get();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result records always serialise", e);
        }
    }
}
