package com.sikifanso.cli;

import com.sikifanso.core.Suggestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every {@code Suggestion.of(...)} chain written in {@code src/main/java}, read from the source (so a suggestion no
 * test reaches is checked too) and rebuilt with placeholder values. Words, tool and argument names must be string
 * literals in one chain, which is what this reads; anything else is reported as unreadable.
 */
final class SuggestionsInCode {
    private static final String START = "Suggestion.of(";
    private static final Set<String> CHAINED = Set.of("tool", "arg", "option", "cluster", "flag", "cliFlag", "cliOption",
            "cliArg", "mention", "mentionFlag");

    /** A suggestion as written, and where. */
    record Found(String where, Suggestion suggestion) {
    }

    private SuggestionsInCode() {
    }

    static List<Found> all(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            List<Found> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(inSource(Files.readString(file), sources.relativize(file).toString()));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Found> inSource(String text, String file) {
        List<Found> found = new ArrayList<>();
        for (int at = text.indexOf(START); at >= 0; at = text.indexOf(START, at + 1)) {
            String where = file + ":" + text.substring(0, at).split("\n", -1).length;
            found.add(new Found(where, read(text, at + START.length(), where)));
        }
        return found;
    }

    private static Suggestion read(String text, int open, String where) {
        Call words = Call.at(text, open);
        Suggestion s = Suggestion.of(words.literals(where).toArray(String[]::new));
        int at = words.end();
        while (true) {
            int dot = skipSpace(text, at);
            if (dot >= text.length() || text.charAt(dot) != '.') {
                return s;
            }
            int paren = text.indexOf('(', dot);
            String method = text.substring(dot + 1, paren).strip();
            if (!CHAINED.contains(method)) {
                return s;
            }
            Call call = Call.at(text, paren + 1);
            s = switch (method) {
                case "tool" -> s.tool(call.literal(0, where));
                case "arg" -> s.arg(call.literal(0, where), "X");
                case "option" -> call.args().size() == 2 ? s.option(call.literal(0, where), "X")
                        : s.option(call.literal(0, where), call.literal(1, where), "X");
                case "cluster" -> s.cluster("X");
                case "cliFlag" -> s.cliFlag(call.literal(0, where));
                case "cliOption" -> s.cliOption(call.literal(0, where), "X");
                case "cliArg" -> s.cliArg("X");
                case "flag" -> call.args().size() == 1 ? s.flag(call.literal(0, where))
                        : s.flag(call.literal(0, where), call.literal(1, where), "X");
                default -> s;
            };
            at = call.end();
        }
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The arguments of one call, split at top-level commas; end is past its closing parenthesis. */
    private record Call(List<String> args, int end) {
        static Call at(String text, int from) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            int start = from;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    i = closingQuote(text, i);
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (c == ')') {
                    args.add(text.substring(start, i).strip());
                    return new Call(args.getFirst().isEmpty() ? List.of() : args, i + 1);
                } else if (c == ',' && depth == 0) {
                    args.add(text.substring(start, i).strip());
                    start = i + 1;
                }
            }
            throw new IllegalStateException("unclosed call at " + from);
        }

        private static int closingQuote(String text, int open) {
            int i = open + 1;
            while (text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }

        String literal(int index, String where) {
            String arg = args.get(index);
            if (!arg.matches("\"[^\"\\\\]*\"")) {
                throw new AssertionError(where + ": write " + arg + " as a string literal, so it can be checked");
            }
            return arg.substring(1, arg.length() - 1);
        }

        List<String> literals(String where) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                all.add(literal(i, where));
            }
            return all;
        }
    }
}
