package com.sikifanso.mcp;

import com.sikifanso.ops.JsonSchemas;
import com.sikifanso.ops.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error's text as the model should read it. Errors are written once, for the CLI
 * ({@code sikifanso app sync qdrant -c lab}, {@code --force}); here the commands that have a tool become
 * the tool and its arguments ({@code app_sync with name: "qdrant", cluster: "lab"}) and flags become
 * arguments ({@code force: true}). A command without a tool stays as the terminal command it is. The AI operator's
 * tool errors read the same way.
 */
public final class ToolHints {
    /** CLI commands whose tool is not simply NOUN_VERB. */
    private static final Map<String, String> ALIASES = Map.of("cluster profiles", "profile_list",
            "cluster profile", "profile_apply", "app add", "app_add", "app remove", "app_remove",
            "catalog add", "app_add");
    /** Words that end a command quoted in a sentence. */
    private static final Set<String> PROSE = Set.of("and", "or", "then", "to", "first", "again", "if", "when",
            "before", "after", "anyway", "instead", "later", "now");
    private static final Pattern COMMAND = Pattern.compile("sikifanso((?: [^\\s;,()]+)+)");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--([a-z][a-z-]*)");

    private final Map<String, Operation<?, ?>> tools;

    public ToolHints(List<Operation<?, ?>> offered) {
        this.tools = new LinkedHashMap<>();
        offered.forEach(op -> tools.put(op.name(), op));
    }

    public String render(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = COMMAND.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> words = List.of(m.group(1).strip().split(" "));
            int prose = proseStart(words);
            String command = renderCommand(words.subList(0, prose));
            String rest = prose < words.size() ? " " + String.join(" ", words.subList(prose, words.size())) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(command == null ? m.group() : command + rest));
        }
        m.appendTail(out);
        return renderFlags(out.toString());
    }

    private static int proseStart(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (PROSE.contains(words.get(i))) {
                return i;
            }
        }
        return words.size();
    }

    /** {@code app sync qdrant -c lab} as a tool call, or null when no tool does it. */
    private String renderCommand(List<String> words) {
        if (words.size() < 2) {
            return null;
        }
        String pair = words.get(0) + " " + words.get(1);
        // "cluster info" without a name lists every cluster.
        String name = words.size() == 2 && pair.equals("cluster info") ? "cluster_list"
                : ALIASES.getOrDefault(pair, words.get(0) + "_" + words.get(1));
        Operation<?, ?> op = tools.get(name);
        if (op == null) {
            return null;
        }
        Set<String> inputs = properties(op);
        List<String> args = new ArrayList<>();
        for (int i = 2; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-c") || w.equals("--cluster")) && i + 1 < words.size()) {
                args.add("cluster: \"" + words.get(++i) + "\"");
            } else if (w.startsWith("--")) {
                String arg = camel(w.substring(2));
                boolean valued = i + 1 < words.size() && !words.get(i + 1).startsWith("-") && !booleanInput(op, arg);
                args.add(arg + ": " + (valued ? "\"" + words.get(++i) + "\"" : "true"));
            } else if (!w.startsWith("-")) {
                args.add((inputs.contains("name") ? "name" : "cluster") + ": \"" + w + "\"");
            }
        }
        return args.isEmpty() ? name : name + " with " + String.join(", ", args);
    }

    /** A flag left in prose ({@code use --force}) as the argument of that name, where some tool has it. */
    private String renderFlags(String text) {
        Matcher m = FLAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String arg = camel(m.group(1));
            boolean known = tools.values().stream().anyMatch(op -> properties(op).contains(arg));
            boolean bool = tools.values().stream().anyMatch(op -> booleanInput(op, arg));
            m.appendReplacement(out, Matcher.quoteReplacement(!known ? m.group() : bool ? arg + ": true" : arg));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> properties(Operation<?, ?> op) {
        return ((Map<String, Object>) JsonSchemas.input(op.input()).get("properties")).keySet();
    }

    @SuppressWarnings("unchecked")
    private static boolean booleanInput(Operation<?, ?> op, String arg) {
        Object schema = ((Map<String, Object>) JsonSchemas.input(op.input()).get("properties")).get(arg);
        return schema instanceof Map<?, ?> s && "boolean".equals(s.get("type"));
    }

    private static String camel(String flag) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : flag.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }
}
