package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation a CLI command performs has a case in a CliMatchesTools*Test comparing the command's
 * {@code -o json} with the tool's structuredContent, so a new command cannot skip the comparison unnoticed. The
 * commands' operations are read from the sources of cli/ (each names its operation as {@code XOps.NAME}); the
 * cases from the sources of those tests (a {@code tool("name", ...)} call, or the operation constant itself).
 */
class CliMatchesToolsCoverageTest {
    private static final Path MAIN = Path.of("src/main/java/com/sikifanso");
    private static final Path TESTS = Path.of("src/test/java/com/sikifanso/ops");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z][A-Za-z]*Ops)\\.([A-Z][A-Z_]*)\\b");
    private static final Pattern TOOL_CALL = Pattern.compile("\\btool\\((?:\\w+, )?\"([a-z_]+)\"");

    /**
     * Operations whose command's {@code -o json} is, by design, not the tool's structuredContent, and why. Keep short.
     */
    private static final java.util.Map<String, String> NOT_JSON_EQUAL = java.util.Map.of(
            "events_list", "issue 14: `events -o json` prints the raw AG-UI events one per line for other tools; "
                    + "its -o yaml is the structured result",
            "cluster_config", "issue 17: cliOnly, no tool to compare with (ClusterFileOpsTest covers it)",
            "cluster_config_schema", "issue 17: cliOnly, no tool to compare with (ClusterFileCommandsTest covers it)",
            "cluster_create_dry_run", "issue 17: cliOnly, no tool to compare with (ClusterFileOpsTest covers it)",
            "cluster_templates", "issue 17: cliOnly, no tool to compare with (ClusterFileCommandsTest covers it)");

    @Test
    void everyOperationWithACommandIsComparedWithItsTool() throws IOException {
        Set<String> withCommand = operationsNamedIn(Files.walk(MAIN.resolve("cli"))
                .filter(p -> p.toString().endsWith(".java")));
        assertThat(withCommand).as("operations found in cli/").contains("cluster_create", "app_rollback");

        Set<String> compared = new TreeSet<>();
        try (Stream<Path> tests = Files.list(TESTS)) {
            for (Path test : tests.filter(p -> p.getFileName().toString().matches("CliMatchesTools\\w+Test\\.java"))
                    .filter(p -> !p.getFileName().toString().equals("CliMatchesToolsCoverageTest.java")).toList()) {
                String source = Files.readString(test);
                Matcher call = TOOL_CALL.matcher(source);
                while (call.find()) {
                    compared.add(call.group(1));
                }
                compared.addAll(operationsNamedIn(Stream.of(test)));
            }
        }
        Set<String> missing = new TreeSet<>(withCommand);
        missing.removeAll(compared);
        missing.removeAll(NOT_JSON_EQUAL.keySet());
        // A CLI-only operation (Operation.cliOnly, e.g. run_undo) has no tool to be compared with.
        missing.removeIf(name -> new OperationRegistry().find(name).map(op -> op.cliOnly() != null).orElse(false));
        assertThat(missing).as("operations with a CLI command but no CliMatchesTools*Test case").isEmpty();
    }

    /** The operation names of every {@code XOps.NAME} constant in these sources that is an {@link Operation}. */
    private static Set<String> operationsNamedIn(Stream<Path> sources) throws IOException {
        Set<String> names = new TreeSet<>();
        try (sources) {
            for (Path source : sources.toList()) {
                Matcher m = CONSTANT.matcher(Files.readString(source));
                while (m.find()) {
                    operation(m.group(1), m.group(2)).ifPresent(names::add);
                }
            }
        }
        return names;
    }

    private static java.util.Optional<String> operation(String type, String constant) {
        try {
            Field field = Class.forName("com.sikifanso.ops." + type).getField(constant);
            // An operation MCP does not offer has no tool to compare with (cliOnly, revealing secrets).
            return field.get(null) instanceof Operation<?, ?> op && op.offeredToClients()
                    ? java.util.Optional.of(op.name())
                    : java.util.Optional.empty();
        } catch (ReflectiveOperationException e) {
            return java.util.Optional.empty();
        }
    }
}
