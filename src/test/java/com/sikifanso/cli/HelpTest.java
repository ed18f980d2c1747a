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

    private static CommandLine tree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return CommandLines.create(new RootCommand(Map.of(), BuildInfo.load(), sink, sink, false), false);
    }

    private static CommandLine find(CommandLine root, String command) {
        CommandLine found = root;
        for (String word : command.isEmpty() ? new String[0] : command.split(" ")) {
            found = found.getSubcommands().get(word);
        }
        return found;
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

    /** A command list shows the first description line: it must be a whole sentence, not cut at a comma. */
    @ParameterizedTest(name = "sikifanso {0}")
    @MethodSource("commands")
    void theSummaryIsAWholeSentence(String command) {
        String[] description = find(tree(), command).getCommandSpec().usageMessage().description();

        assertThat(description).as(command).isNotEmpty();
        assertThat(description[0].strip()).as("summary of " + command).endsWith(".");
    }

    /** Off a terminal help is 100 columns wide: every example and description line appears whole. */
    @ParameterizedTest(name = "sikifanso {0}")
    @MethodSource("commands")
    void helpIsNotWrappedMidSentenceOrMidArgument(String command) {
        CommandLine.Model.UsageMessageSpec usage = find(tree(), command).getCommandSpec().usageMessage();
        SikifansoProcess.Result r = InProcess.run(home, (command + " -h").strip().split(" "));

        List<String> lines = r.stdout().lines().map(String::strip).toList();
        for (String line : usage.footer()) {
            assertThat(lines).as("footer line of " + command).contains(line.strip());
        }
        for (String line : usage.description()) {
            assertThat(lines).as("description line of " + command).contains(line.strip());
        }
        assertThat(r.stdout().lines()).as(command).allSatisfy(line ->
                assertThat(line.length()).isLessThanOrEqualTo(CommandLines.HELP_WIDTH));
    }

    @org.junit.jupiter.api.Test
    void appGroupListsWholeSummaries() {
        SikifansoProcess.Result r = InProcess.run(home, "app", "--help");

        String commands = r.stdout().substring(r.stdout().indexOf("Commands:") + "Commands:".length());
        List<String> entries = List.of(commands.strip().split("\n  (?! )")); // wrapped lines are indented more
        assertThat(entries).hasSizeGreaterThan(5)
                .allSatisfy(entry -> assertThat(entry.strip()).endsWith(".").doesNotContain(",\n"));
    }

    @org.junit.jupiter.api.Test
    void syncNoWaitDoesNotClaimToCommit() {
        SikifansoProcess.Result r = InProcess.run(home, "app", "sync", "--help");

        assertThat(r.stdout()).contains("--no-wait").doesNotContain("Commit and return");
    }

    @ParameterizedTest(name = "sikifanso help {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "app", "app sync", "cluster create", "help"})
    void helpSubcommandPrintsTheSameUsageAsDashDashHelp(String command) {
        List<String> help = new ArrayList<>(List.of("help"));
        List<String> dashHelp = new ArrayList<>();
        if (!command.isEmpty()) {
            help.addAll(List.of(command.split(" ")));
            dashHelp.addAll(List.of(command.split(" ")));
        }
        dashHelp.add("--help");

        SikifansoProcess.Result viaHelp = InProcess.run(home, help.toArray(String[]::new));
        SikifansoProcess.Result viaFlag = InProcess.run(home, dashHelp.toArray(String[]::new));

        assertThat(viaHelp.exitCode()).as(viaHelp.toString()).isZero();
        assertThat(viaHelp.stdout()).isEqualTo(viaFlag.stdout());
    }

    @org.junit.jupiter.api.Test
    void helpOfAnUnknownCommandIsAUsageError() {
        SikifansoProcess.Result r = InProcess.run(home, "help", "app", "nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("Unknown command: 'app nope'");
    }

    @org.junit.jupiter.api.Test
    void dashVPrintsTheVersionLikeDashDashVersion() {
        SikifansoProcess.Result shortFlag = InProcess.run(home, "-v");
        SikifansoProcess.Result longFlag = InProcess.run(home, "--version");

        assertThat(shortFlag.exitCode()).as(shortFlag.toString()).isZero();
        assertThat(shortFlag.stdout()).isNotBlank().isEqualTo(longFlag.stdout());
    }

    /** The README's usage block once listed the app status ... rollback lines twice. */
    @org.junit.jupiter.api.Test
    void readmeListsEachExampleOnce() throws java.io.IOException {
        List<String> examples = java.nio.file.Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("./sikifanso "))
                .map(line -> line.replaceFirst("\\s+#.*", "").strip())
                .toList();

        assertThat(examples).isNotEmpty().doesNotHaveDuplicates();
    }
}
