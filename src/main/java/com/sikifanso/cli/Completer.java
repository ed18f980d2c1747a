package com.sikifanso.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Works out what may come next on a partial command line, from picocli's model of the commands. */
final class Completer {
    private final CommandSpec root;
    private final SessionNames names;

    Completer(CommandSpec root, SessionNames names) {
        this.root = root;
        this.names = names;
    }

    /** {@code words} are the words after the program name; the last one is being typed. */
    List<String> candidates(List<String> words) {
        CommandSpec spec = root;
        String cluster = null;
        int positionals = 0;
        OptionSpec pending = null;
        for (String word : words.subList(0, words.size() - 1)) {
            if (pending != null) {
                if (pending.longestName().equals("--cluster")) {
                    cluster = word;
                }
                pending = null;
                continue;
            }
            Map<String, CommandLine> subs = spec.subcommands();
            if (subs.containsKey(word)) {
                spec = subs.get(word).getCommandSpec();
                positionals = 0;
            } else if (word.startsWith("-")) {
                OptionSpec option = spec.findOption(word.split("=", 2)[0]);
                if (option != null && option.arity().min() > 0 && !word.contains("=")) {
                    pending = option;
                }
            } else {
                positionals++;
            }
        }
        String current = words.get(words.size() - 1);
        List<String> out = new ArrayList<>();
        if (pending != null) {
            out.addAll(values(pending, cluster));
        } else if (current.startsWith("-")) {
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> out.addAll(List.of(o.names())));
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    out.add(name);
                }
            });
            String clusterArg = cluster;
            positional(spec, positionals).ifPresent(p -> out.addAll(values(p, clusterArg)));
        }
        return out.stream().filter(c -> c.startsWith(current)).distinct().toList();
    }

    private static java.util.Optional<PositionalParamSpec> positional(CommandSpec spec, int index) {
        return spec.positionalParameters().stream()
                .filter(p -> p.index().contains(index) || (p.index().isUnresolved() || p.arity().max() > 1
                        && index >= p.index().min()))
                .findFirst();
    }

    private List<String> values(ArgSpec arg, String cluster) {
        Iterable<String> declared = arg.completionCandidates();
        if (declared instanceof Candidates.Dynamic) {
            return names.of(declared.getClass(), cluster);
        }
        List<String> out = new ArrayList<>();
        if (declared != null) {
            for (Iterator<String> it = declared.iterator(); it.hasNext(); ) {
                out.add(it.next());
            }
        }
        return out;
    }
}
