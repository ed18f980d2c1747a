package com.sikifanso.cli;

import com.sikifanso.core.SikifansoException;
import java.io.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a snapshot archive.")
final class SnapshotDeleteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Snapshots.class,
            description = "The snapshot to delete.")
    String name;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    int run() {
        Console console = System.console();
        if (!yes && root().terminal() && console != null) {
            String answer = console.readLine("Delete snapshot %s? This cannot be undone. [y/N] ", name);
            if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
                throw SikifansoException.failure("not deleted", "pass --yes to delete without asking");
            }
        }
        services().snapshots().delete(name);
        out().result(new Deleted(name), () -> "deleted snapshot " + name + "\n");
        return 0;
    }

    record Deleted(String deleted) {
    }
}
