package com.sikifanso.cli;

/**
 * Shell scripts that hand the words typed so far to {@code sikifanso __complete}, so the CLI's own
 * model (and the live session) decides the candidates, as kubectl and gh do.
 */
final class CompletionScripts {
    private CompletionScripts() {
    }

    static String forShell(String shell) {
        return switch (shell) {
            case "bash" -> """
                    # sikifanso bash completion
                    _sikifanso() {
                        local cur="${COMP_WORDS[COMP_CWORD]}"
                        local IFS=$'\\n'
                        COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "$cur"))
                    }
                    complete -o default -F _sikifanso sikifanso
                    """;
            case "zsh" -> """
                    #compdef sikifanso
                    # sikifanso zsh completion
                    _sikifanso() {
                        local -a candidates
                        candidates=("${(@f)$(${words[1]} __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
                        compadd -a candidates
                    }
                    compdef _sikifanso sikifanso
                    """;
            case "fish" -> """
                    # sikifanso fish completion
                    function __sikifanso_complete
                        set -l words (commandline -opc) (commandline -ct)
                        $words[1] __complete -- $words[2..-1] 2>/dev/null
                    end
                    complete -c sikifanso -f -a '(__sikifanso_complete)'
                    """;
            default -> throw new IllegalArgumentException(shell);
        };
    }
}
