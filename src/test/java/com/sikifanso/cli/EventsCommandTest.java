package com.sikifanso.cli;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.SampleRuns;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.InvalidArguments;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Surface;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sikifanso events} without -f: the events_list operation over a real journal in a real home. */
class EventsCommandTest {
    private static final OperationRun.Caller CLI = new OperationRun.Caller("cli", null);

    @TempDir
    Path tmp;

    private TestHome home;
    private ActivityJournal journal;

    @BeforeEach
    void clusterWithAJournal() {
        home = TestHome.withCluster(tmp);
        journal = new ActivityJournal(home.clusterDir(CLUSTER), JournalOptions.DEFAULTS);
    }

    private String record(ActivityJournal into, String operation, Optional<String> error) {
        return OperationRun.record(into, CLUSTER, CLI, operation, SampleRuns.json(Map.of("cluster", CLUSTER)),
                error.isPresent() ? Optional.empty() : Optional.of(SampleRuns.json(Map.of("ok", true))), error,
                Duration.ofMillis(1200), Optional.of("abc1234"));
    }

    private SikifansoProcess.Result events(String... args) {
        List<String> all = new ArrayList<>(List.of("-c", CLUSTER, "events"));
        all.addAll(List.of(args));
        return InProcess.run(tmp, all.toArray(String[]::new));
    }

    @Test
    void listsTheRecordedRunsOldestFirstAsPlainLines() {
        String ok = record(journal, "app_list", Optional.empty());
        record(journal, "app_enable", Optional.of("no app named nope\nTo fix: see `sikifanso app list --all`"));

        SikifansoProcess.Result r = events();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).doesNotContain("\u001b[");
        assertThat(r.stdout().lines().map(l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d #\\d+ \\S+ ", "")))
                .containsExactly("▶ app_list from cli on lab", "  tool app_list (1.2s)",
                        "    args   {\"cluster\":\"lab\"}", "    result ok=true",
                        "✔ app_list done in 1.2s · commit abc1234",
                        "▶ app_enable from cli on lab", "  tool app_enable", "    args   {\"cluster\":\"lab\"}",
                        "    result (no result)", "✘ app_enable failed: no app named nope",
                        "  fix: see `sikifanso app list --all`");
        assertThat(r.stdout().lines().findFirst().orElseThrow()).contains(" #1 " + ok.substring(0, 8) + " ");
    }

    @Test
    void aRealOperationShowsUpAndReadingTheJournalIsNotItselfRecorded() {
        SikifansoProcess.Result list = InProcess.run(tmp, "-c", CLUSTER, "app", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        long after = journal.lastSequence();

        SikifansoProcess.Result r = events();

        assertThat(r.stdout()).contains("▶ catalog_list from cli on lab").contains("✔ catalog_list done in ");
        assertThat(journal.lastSequence()).as("events_list is not journalled").isEqualTo(after);
    }

    @Test
    void jsonIsTheRawAgUiEventsOnePerLineThatTheOfficialSchemasAccept() {
        record(journal, "app_list", Optional.empty());
        record(journal, "app_enable", Optional.of("refused"));

        SikifansoProcess.Result r = events("-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.stdout().lines().toList();
        List<JournalEntry> stored = journal.readSince(0);
        assertThat(lines).containsExactlyElementsOf(stored.stream().map(e -> AguiJson.write(e.event())).toList());
        List<AguiEvent> first = lines.subList(0, 6).stream().map(AguiJson::read).toList();
        List<AguiEvent> second = lines.subList(6, lines.size()).stream().map(AguiJson::read).toList();
        JsonNode checked = new NodeAguiCheck().stream("ok", first).stream("failed", second).run();
        for (JsonNode stream : checked.path("streams")) {
            assertThat(stream.path("schemaErrors")).as(stream.toPrettyString()).isEmpty();
            assertThat(stream.path("verifyError").isNull()).as(stream.toPrettyString()).isTrue();
        }
    }

    @Test
    void yamlCarriesEachEventsSequenceTimeAndRun() throws Exception {
        String run = record(journal, "app_list", Optional.empty());

        JsonNode yaml = Mappers.YAML.readTree(events("-o", "yaml").stdout());

        assertThat(yaml.path("events")).hasSize(6);
        assertThat(yaml.at("/events/0/sequence").asLong()).isEqualTo(1);
        assertThat(yaml.at("/events/0/runId").asText()).isEqualTo(run);
        assertThat(yaml.at("/events/0/event/type").asText()).isEqualTo("RUN_STARTED");
        assertThat(yaml.path("omitted").asLong()).isZero();
    }

    @Test
    void sinceTakesADurationOrAnRfc3339Time() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        ActivityJournal past = new ActivityJournal(home.clusterDir(CLUSTER),
                JournalOptions.DEFAULTS.withClock(Clock.fixed(twoHoursAgo, ZoneOffset.UTC)));
        record(past, "snapshot_list", Optional.empty());
        record(journal, "app_list", Optional.empty());

        assertThat(events("--since", "10m").stdout()).contains("▶ app_list").doesNotContain("snapshot_list");
        assertThat(events("--since", "3h").stdout()).contains("▶ snapshot_list", "▶ app_list");
        assertThat(events("--since", twoHoursAgo.plusSeconds(60).toString()).stdout())
                .contains("▶ app_list").doesNotContain("snapshot_list");
        assertThat(events("--since", "2020-01-01T00:00:00+02:00").stdout()).contains("▶ snapshot_list");
    }

    @Test
    void runTakesAnIdOrItsStart() {
        String first = record(journal, "app_list", Optional.empty());
        String second = record(journal, "agent_list", Optional.empty());

        SikifansoProcess.Result whole = events("--run", second);
        SikifansoProcess.Result prefix = events("--run", first.substring(0, 8), "-o", "json");

        assertThat(whole.stdout()).contains("▶ agent_list").doesNotContain("app_list");
        assertThat(prefix.stdout().lines()).hasSize(6).allSatisfy(l -> assertThat(l).doesNotContain("agent_list"));
    }

    @Test
    void limitKeepsTheLastEventsAndSaysHowManyWereLeftOut() {
        record(journal, "app_list", Optional.empty());
        record(journal, "agent_list", Optional.empty());

        SikifansoProcess.Result table = events("--limit", "6");
        SikifansoProcess.Result json = events("--limit", "2", "-o", "json");

        assertThat(table.stdout()).startsWith("… 6 earlier events left out: narrow with --since or --run, or raise "
                + "--limit").contains("▶ agent_list").doesNotContain("app_list");
        assertThat(json.stdout().lines()).hasSize(2);
        assertThat(json.stderr()).contains("… 10 earlier events left out");
    }

    @Test
    void aClusterWithNoJournalYetSaysSoAndSucceeds() {
        SikifansoProcess.Result table = events();
        SikifansoProcess.Result json = events("-o", "json");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdout()).contains("No activity recorded for cluster \"lab\" yet")
                .contains("sikifanso events -f");
        assertThat(json.exitCode()).isZero();
        assertThat(json.stdout()).isEmpty();
        assertThat(json.stderr()).contains("No activity recorded for cluster \"lab\" yet");
    }

    @Test
    void anUnknownClusterNamesTheKnownOnesAndChangesNothing() {
        home.prepare("other");

        SikifansoProcess.Result r = InProcess.run(tmp, "events", "--cluster", "nope");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Error: no cluster named \"nope\"; the clusters are: lab, other")
                .contains("--cluster NAME");
        assertThat(home.clusterDir("nope")).doesNotExist();
    }

    @Test
    void badInputsAreRefusedWithTheFix() {
        record(journal, "app_list", Optional.empty());
        record(journal, "agent_list", Optional.empty());

        SikifansoProcess.Result since = events("--since", "yesterday");
        SikifansoProcess.Result limit = events("--limit", "0");
        SikifansoProcess.Result run = events("--run", "no-such-run");
        SikifansoProcess.Result follow = events("-f", "--run", "no-such-run");

        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.stderr()).contains("--since \"yesterday\" is not a duration back from now like 30s, 10m or 1h30m, or an RFC 3339 time")
                .contains("e.g. --since 10m");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.stderr()).contains("--limit must be between 1 and 5000, not 0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no run \"no-such-run\" in the activity journal of cluster \"lab\"")
                .contains("see the runs with: sikifanso events --cluster lab");
        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.stderr()).contains("no run \"no-such-run\"");
    }

    @Test
    void anAmbiguousRunPrefixIsRefused() {
        ActivityJournal j = journal;
        j.append("run-aa1", new AguiEvent.RunStarted(CLUSTER, "run-aa1", null, null, null, null));
        j.append("run-aa2", new AguiEvent.RunStarted(CLUSTER, "run-aa2", null, null, null, null));

        SikifansoProcess.Result r = events("--run", "run-aa");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("run \"run-aa\" is the start of 2 runs' ids")
                .contains("give more of the run id");
    }

    @Test
    void runIdsCompleteNewestFirst() {
        String first = record(journal, "app_list", Optional.empty());
        String second = record(journal, "agent_list", Optional.empty());

        SikifansoProcess.Result r = InProcess.run(tmp, "__complete", "--", "-c", CLUSTER, "events", "--run", "");
        SikifansoProcess.Result cluster = InProcess.run(tmp, "__complete", "--", "events", "--cluster", "");

        assertThat(r.stdout().lines()).containsExactly(second, first);
        assertThat(cluster.stdout().lines()).containsExactly(CLUSTER);
    }

    @Test
    void theToolIsAReadForModelsCappedAndRedacted() {
        OperationRegistry registry = new OperationRegistry();
        var op = registry.find("events_list").orElseThrow();
        journal.append("run-s", new AguiEvent.Custom("login", SampleRuns.json(Map.of("password", "hunter2-secret")),
                null));
        record(journal, "app_list", Optional.empty());
        OperationContext context = new OperationContext(home.services(), msg -> { },
                com.sikifanso.ops.WaitPolicy.PROGRAM);

        Object out = registry.invoke("events_list", Map.of("cluster", CLUSTER, "limit", 3), Surface.mcp, context);

        assertThat(op.safety().readOnly()).isTrue();
        JsonNode structured = Mappers.JSON.valueToTree(com.sikifanso.ops.StructuredResults.of(out));
        assertThat(structured.path("events")).hasSize(3);
        assertThat(structured.path("omitted").asLong()).isEqualTo(4);
        assertThat(op.render(out)).startsWith("… 4 earlier events left out").contains("  tool call ")
                .contains("    result ok=true").contains("✔ app_list done in 1.2s · commit abc1234")
                .doesNotContain("\u001b[");
        Object all = registry.invoke("events_list", Map.of("cluster", CLUSTER), Surface.mcp, context);
        assertThat(Mappers.JSON.valueToTree(com.sikifanso.ops.StructuredResults.of(all)).toString())
                .doesNotContain("hunter2-secret");
        assertThatThrownBy(() -> registry.invoke("events_list", Map.of("cluster", CLUSTER, "since", "later"),
                Surface.mcp, context)).isInstanceOf(InvalidArguments.class).hasMessageContaining("since \"later\"");
    }

    @Test
    void helpTeachesWithExamples() {
        SikifansoProcess.Result r = InProcess.run(tmp, "events", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("--follow", "--since", "--run", "--limit", "Examples:",
                "sikifanso events --since 10m", "sikifanso events -f", "-o json prints the raw AG-UI events",
                "use -o yaml");
    }
}
