package com.sikifanso.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Hidden: the completion scripts call it with the words typed so far, the last one partial. */
@Command(name = "__complete", hidden = true, description = "Print completion candidates for the words given.")
final class CompleteCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "WORD")
    List<String> words;

    @Override
    int run() {
        Completer completer = new Completer(spec.root(), new SessionNames(services(), root().env()));
        completer.candidates(words == null ? List.of("") : words).forEach(out()::line);
        return 0;
    }
}
