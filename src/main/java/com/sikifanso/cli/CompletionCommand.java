package com.sikifanso.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {"Print a shell completion script.",
    "Names of clusters, apps, profiles and agents complete from your sessions."},
        footer = {"", "Install:",
            "  bash:  echo 'source <(sikifanso completion bash)' >> ~/.bashrc",
            "  zsh:   echo 'source <(sikifanso completion zsh)' >> ~/.zshrc",
            "  fish:  sikifanso completion fish > ~/.config/fish/completions/sikifanso.fish"})
final class CompletionCommand extends BaseCommand {
    enum Shell { bash, zsh, fish }

    @Parameters(index = "0", paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    int run() {
        out().line(CompletionScripts.forShell(shell.name()));
        return 0;
    }
}
