package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code -h} and {@code --help} work on every command of the tree, whatever is added to it later. */
class HelpTest {
    @TempDir
    Path home;

    /** Every command's words after "sikifanso", found by walking picocli's model; "" is the root. */
    static List<String> commands() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine root = CommandLines.create(new RootCommand(Map.of(), BuildInfo.load(), sink, sink, false), false);
        List<String> paths = new ArrayList<>();
        collect(root, paths);
        assertThat(paths).contains("", "cluster create", "app enable", "completion", "__complete");
        return paths;
    }

    private static void collect(CommandLine command, List<String> paths) {
        paths.add(command.getCommandSpec().qualifiedName(" ").replaceFirst("^sikifanso ?", ""));
        command.getSubcommands().values().forEach(sub -> collect(sub, paths));
    }

    @ParameterizedTest(name = "sikifanso {0} -h")
    @MethodSource("commands")
    void everyCommandPrintsItsUsageForDashH(String command) {
        for (String flag : List.of("-h", "--help")) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
            args.add(flag);

            SikifansoProcess.Result r = InProcess.run(home, args.toArray(String[]::new));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).startsWith(("Usage: sikifanso " + command).strip() + " ");
            assertThat(r.stderr()).isEmpty();
        }
    }

    @ParameterizedTest(name = "sikifanso {0}")
    @MethodSource("commands")
    void everyCommandSaysWhatItIsFor(String command) {
        SikifansoProcess.Result r = InProcess.run(home, (command + " -h").strip().split(" "));

        List<String> lines = r.stdout().lines().toList();
        int usageEnd = 0;
        while (usageEnd < lines.size() && (usageEnd == 0 || lines.get(usageEnd).startsWith(" "))) {
            usageEnd++;
        }
        assertThat(lines.subList(usageEnd, lines.size())).as("description under the usage of " + command)
                .first().asString().isNotBlank();
    }
}
