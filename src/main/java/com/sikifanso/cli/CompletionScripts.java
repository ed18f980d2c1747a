package com.sikifanso.cli;

import com.sikifanso.catalog.Profiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Shell completion without a JVM per Tab: the command tree (subcommands, options, what each
 * argument names) is written into the script from picocli's model, and names come from the state
 * directory in the shell function itself (bash, in {@code completion/core.bash}). zsh, fish and
 * PowerShell run that same function through bash, a few milliseconds instead of a JVM start.
 */
final class CompletionScripts {
    private static final Map<Class<?>, String> KINDS = Map.of(
            Candidates.Clusters.class, "clusters", Candidates.CatalogApps.class, "catalog-apps",
            Candidates.DisabledApps.class, "disabled-apps", Candidates.EnabledApps.class, "enabled-apps",
            Candidates.CustomAppNames.class, "custom-apps", Candidates.Agents.class, "agents",
            Candidates.Snapshots.class, "snapshots");

    private CompletionScripts() {
    }

    static String forShell(String shell, CommandSpec root) {
        String core = table(root) + resource("completion/core.bash");
        return switch (shell) {
            case "bash" -> "# sikifanso bash completion\n" + core + """
                    _sikifanso() { # no subshell, no process: the candidates land in an array
                        _sikifanso_candidates "${COMP_WORDS[@]:1:COMP_CWORD}"
                        COMPREPLY=("${_sikifanso_reply[@]}")
                    }
                    complete -o default -F _sikifanso sikifanso
                    """;
            case "zsh" -> "#compdef sikifanso\n# sikifanso zsh completion (the candidates are worked out by bash)\n"
                    + "read -r -d '' _sikifanso_core <<'SIKIFANSO_CORE'\n" + core + "SIKIFANSO_CORE\n" + """
                    _sikifanso() {
                        local -a candidates
                        candidates=("${(@f)$(bash -c "$_sikifanso_core"$'\\n''_sikifanso_print "$@"' sikifanso "${(@)words[2,CURRENT]}" 2>/dev/null)}")
                        compadd -Q -- "${candidates[@]}"
                    }
                    compdef _sikifanso sikifanso
                    """;
            case "fish" -> "# sikifanso fish completion (the candidates are worked out by bash)\n"
                    + "set -g __sikifanso_core '" + core.replace("\\", "\\\\").replace("'", "\\'") + "'\n" + """
                    function __sikifanso_complete
                        set -l words (commandline -opc) (commandline -ct)
                        bash -c "$__sikifanso_core"\\n'_sikifanso_print "$@"' sikifanso $words[2..-1] 2>/dev/null
                    end
                    complete -c sikifanso -f -a '(__sikifanso_complete)'
                    """;
            case "powershell" -> "# sikifanso PowerShell completion: bash works out the candidates when it is on PATH,\n"
                    + "# else sikifanso itself does (__complete, one JVM start per Tab).\n"
                    + "$script:SikifansoCore = @'\n" + core + "_sikifanso_print \"$@\"\n'@\n" + """
                    Register-ArgumentCompleter -Native -CommandName sikifanso -ScriptBlock {
                        param($wordToComplete, $commandAst, $cursorPosition)
                        $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                        if ($wordToComplete -eq '') { $words += '""' }
                        if (Get-Command bash -ErrorAction SilentlyContinue) {
                            $lines = & bash -c $script:SikifansoCore sikifanso @words 2>$null
                        } else {
                            $lines = & sikifanso __complete -- @words 2>$null
                        }
                        $lines | ForEach-Object {
                            [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                        }
                    }
                    """;
            default -> throw new IllegalArgumentException(shell);
        };
    }

    /** The command tree as bash associative arrays keyed by "sikifanso app enable [--opt|#N]". */
    private static String table(CommandSpec root) {
        Map<String, String> subs = new LinkedHashMap<>();
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> args = new LinkedHashMap<>();
        collect(root, "sikifanso", subs, opts, args);
        return "declare -gA _sikifanso_subs=(\n" + entries(subs) + ")\n"
                + "declare -gA _sikifanso_opts=(\n" + entries(opts) + ")\n"
                + "declare -gA _sikifanso_args=(\n" + entries(args) + ")\n";
    }

    private static void collect(CommandSpec spec, String path, Map<String, String> subs, Map<String, String> opts,
                                Map<String, String> args) {
        List<String> visible = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                visible.add(name);
            }
        });
        subs.put(path, String.join(" ", visible));
        List<String> optionNames = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            optionNames.addAll(List.of(option.names()));
            if (option.arity().min() > 0) {
                for (String name : option.names()) {
                    args.put(path + " " + name, kind(option));
                }
            }
        }
        opts.put(path, String.join(" ", optionNames));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String kind = kind(p);
            CommandLine.Range index = p.index();
            for (int i = index.min(); i <= (index.isUnresolved() ? index.min() : Math.min(index.max(), 9)); i++) {
                args.put(path + " #" + i, kind);
            }
            if (p.arity().max() > 1 || index.max() > 9) {
                args.put(path + " #+", kind);
            }
        }
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub.getCommandSpec(), path + " " + name, subs, opts, args);
            }
        });
    }

    /** What an argument's value names: a kind of name from the state directory, fixed words, or "". */
    private static String kind(ArgSpec arg) {
        Iterable<String> declared = arg.completionCandidates();
        String kind;
        if (declared instanceof Candidates.ProfileNames) {
            kind = "words:" + String.join(" ", new Profiles().names());
        } else if (declared instanceof Candidates.Dynamic) {
            kind = KINDS.getOrDefault(declared.getClass(), "");
        } else if (declared != null) {
            List<String> words = new ArrayList<>();
            for (Iterator<String> it = declared.iterator(); it.hasNext(); ) {
                words.add(it.next());
            }
            kind = "words:" + String.join(" ", words);
        } else {
            kind = "";
        }
        // Profiles compose (--profile agent-dev,rag) even where the option is one string.
        boolean list = !arg.splitRegex().isEmpty() || declared instanceof Candidates.ProfileNames;
        return kind.isEmpty() || !list ? kind : kind + ",split";
    }

    private static String entries(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        map.forEach((k, v) -> out.append("    [").append(quote(k)).append("]=").append(quote(v)).append('\n'));
        return out.toString();
    }

    /** Single-quoted for bash; the model's names and words hold no quote, but stay safe if one does. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String resource(String name) {
        try (InputStream in = CompletionScripts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
