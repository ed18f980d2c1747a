package com.sikifanso.cli;

import picocli.CommandLine.Command;

/** {@code sikifanso ai}: the AI operator; here only its undo, until the operator itself lands beside it. */
@Command(name = "ai", description = "The AI operator: undo a run's commits.",
        subcommands = {AiUndoCommand.class})
final class AiCommand {
}
