package com.sikifanso.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {"Print a shell completion script.",
    "Cluster, app, profile, agent and snapshot names come from your state directory, without Java."},
        footer = {"", "Install:",
            "  bash:        echo 'source <(sikifanso completion bash)' >> ~/.bashrc",
            "  zsh:         echo 'source <(sikifanso completion zsh)' >> ~/.zshrc",
            "  fish:        sikifanso completion fish > ~/.config/fish/completions/sikifanso.fish",
            "  PowerShell:  sikifanso completion powershell | Out-String | Invoke-Expression  (in $PROFILE)",
            "Run it again after upgrading sikifanso: the script holds the command tree."})
final class CompletionCommand extends BaseCommand {
    enum Shell { bash, zsh, fish, powershell }

    @Parameters(index = "0", paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    int run() {
        // Only this group was built for this run; the script describes every command.
        PrintWriter sink = new PrintWriter(new StringWriter());
        RootCommand whole = new RootCommand(root().env(), null, sink, sink, false);
        out().line(CompletionScripts.forShell(shell.name(), CommandLines.create(whole, false).getCommandSpec()));
        return 0;
    }
}
