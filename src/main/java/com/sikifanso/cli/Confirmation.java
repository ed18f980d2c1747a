package com.sikifanso.cli;

import com.sikifanso.core.SikifansoException;
import java.io.Console;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code -y/--yes} and the question destructive commands ask on a terminal. */
final class Confirmation {
    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    /**
     * On a terminal, asks {@code question} (built only then) and refuses unless the answer is yes;
     * with --yes, or without a terminal (scripts, CI), goes ahead.
     */
    void require(boolean terminal, Supplier<String> question, String refused) {
        Console console = System.console();
        if (yes || !terminal || console == null) {
            return;
        }
        String answer = console.readLine("%s [y/N] ", question.get());
        if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
            throw SikifansoException.failure(refused, "pass --yes to go ahead without asking");
        }
    }
}
