package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.NodeAguiCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core ({@code src/test/node/
 * dashboard-check.mjs}) against the dashboard of a cluster whose API is fabric8's mock server (see
 * {@link DashboardLab}). Signs in with the link, loads every page live, reads two interleaved runs on the activity
 * feed (each row naming its own run), toggles an app (the catalog row and the activity feed in another tab update
 * from the event stream), disables it again with the keyboard only, watches an agent's own AG-UI stream arrive on
 * the agents page, creates and deletes an agent, rolls the app back on its page, captures a snapshot, applies a
 * profile, restores the snapshot (each after its question; the history checked with git), and is refused without
 * the token and with a missing or wrong CSRF token. A change the server never answers says so on the page, and so
 * do a cluster whose API cannot be read and an event stream the server refuses.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String APP = "postgresql";
    private static final String AGENT = "scout";
    private static final String WATCHED = "watcher";
    private static final String PROFILE = "agent-minimal";

    @TempDir
    Path tmp;

    @Test
    void aUserSignsInTogglesAnAppWatchesItGoLiveAndManagesAnAgent() throws Exception {
        assumeChromium();
        try (DashboardLab lab = new DashboardLab(tmp)) {
            List<String> needs = lab.services.apps().catalog(ClusterName.of(DashboardLab.CLUSTER)).dependencies()
                    .resolve(List.of(APP)).added();
            lab.agentWithStream(WATCHED);
            Map<String, String> interleaved = interleavedRuns(lab);
            JsonNode seen = NodeAguiCheck.script("dashboard-check.mjs", List.of("CHECK", lab.base(),
                    lab.sessions.linkToken(), CHROMIUM.toString(), APP, AGENT, WATCHED, PROFILE));
            assertThat(seen.path("failed").asText(null)).as(seen.toPrettyString()).isNull();

            assertThat(seen.at("/refusals/noToken").asInt()).isEqualTo(401);
            assertThat(seen.at("/refusals/badLinkToken").asInt()).isEqualTo(401);
            assertThat(seen.at("/refusals/cookieAfterBadLink").asInt()).isZero();
            for (String refusal : List.of("none", "wrong")) {
                assertThat(seen.at("/refusals/csrf/" + refusal + "/status").asInt()).isEqualTo(403);
                assertThat(seen.at("/refusals/csrf/" + refusal + "/text").asText()).contains("CSRF");
            }
            assertThat(tmp.resolve("clusters/lab/gitops/agents/sneaky.yaml")).doesNotExist();
            assertThat(seen.at("/afterSignIn/url").asText()).as("the token is gone from the address bar")
                    .isEqualTo(lab.base() + "/");
            assertThat(seen.at("/afterSignIn/cookies/0/httpOnly").asBoolean()).isTrue();
            assertThat(seen.at("/afterSignIn/cookies/0/sameSite").asText()).isEqualTo("Strict");

            assertThat(seen.at("/overview/nodes").asText()).isEqualTo("1/1");

            // Two runs at once: every row of the feed shows the run its event belongs to, and that run's operation.
            List<JsonNode> rows = new java.util.ArrayList<>();
            seen.get("interleaved").forEach(rows::add);
            List<JsonNode> ours = rows.stream().filter(r -> interleaved.containsKey(r.path("run").asText())).toList();
            ActivityJournal journal = new ActivityJournal(tmp.resolve("clusters/lab"), JournalOptions.DEFAULTS);
            assertThat(ours).as("%s", rows).hasSize(interleaved.keySet().stream()
                    .mapToInt(run -> journal.readRun(run).size()).sum());
            for (JsonNode row : ours) {
                assertThat(row.path("operation").asText()).as(row.toString())
                        .isEqualTo(interleaved.get(row.path("run").asText()));
                assertThat(row.path("run").asText()).startsWith(row.path("shownRun").asText());
            }
            assertThat(ours).filteredOn(r -> r.path("type").asText().startsWith("STEP_")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.path("operation").asText()).isEqualTo("catalog_enable"));

            // The watched agent's own AG-UI stream, live on the agents page, as agent watch shows it.
            assertThat(seen.at("/agentWatch/firstTurn").asInt()).isPositive();
            assertThat(seen.at("/agentWatch/laterTurn").asInt()).as("a turn that arrived while the page was open")
                    .isGreaterThan(seen.at("/agentWatch/firstTurn").asInt());
            assertThat(seen.at("/agentWatch/rows")).filteredOn(r -> r.path("type").asText().equals("TEXT_MESSAGE_CONTENT"))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.path("text").asText())
                            .isEqualTo(r.path("run").asText().replace(WATCHED + "-turn-", WATCHED + " turn ")
                                    + ": reading the plan"));
            assertThat(seen.at("/overview/doctorRows").asInt()).as("the doctor's verdicts").isPositive();
            seen.get("pages").fields().forEachRemaining(page -> {
                assertThat(page.getValue().path("status").asInt()).as(page.getKey()).isEqualTo(200);
                assertThat(page.getValue().path("h1").asText()).as(page.getKey()).isNotBlank();
            });
            assertThat(seen.at("/pages/~1apps~1" + APP + "/h1").asText()).isEqualTo("App " + APP);

            assertThat(seen.get("search")).as("the search keeps the app").extracting(JsonNode::asText).contains(APP);
            assertThat(seen.at("/before/status").asText()).isEqualTo("off");
            assertThat(seen.at("/after/status").asText()).isEqualTo("enabled");
            assertThat(seen.at("/after/sync").asText()).as("live from the state feed").isEqualTo("Synced");
            assertThat(seen.at("/after/health").asText()).isEqualTo("Healthy");
            assertThat(seen.get("feed")).extracting(JsonNode::asText)
                    .contains("dashboard catalog_enable RUN_STARTED", "dashboard catalog_enable RUN_FINISHED");
            assertThat(seen.get("dialogs").get(0).asText()).as("what enabling also enables, before confirming")
                    .startsWith("Enable " + APP + "?").contains(needs);
            assertThat(seen.get("keyboardReached").asBoolean()).as("the disable button is reachable by Tab").isTrue();
            assertThat(seen.get("afterDisable").asText()).isEqualTo("off");

            com.sikifanso.argocd.RunningLab.Run cli = com.sikifanso.argocd.RunningLab.cli(tmp, "agent", "create",
                    "Bad_Name", "--no-wait");
            String refusal = seen.get("badAgent").asText().lines().findFirst().orElseThrow();
            assertThat(refusal).startsWith("invalid agent name \"Bad_Name\"");
            assertThat(cli.err()).as("the CLI's message, word for word").contains(refusal);
            assertThat(seen.get("agentCreated").asText()).contains(AGENT);
            assertThat(seen.get("dialogs")).extracting(JsonNode::asText)
                    .as("the registry's question before deleting").anyMatch(q -> q.startsWith("Delete agent \"" + AGENT));
            assertThat(tmp.resolve("clusters/lab/gitops/agents/" + AGENT + ".yaml")).as("deleted").doesNotExist();

            clickedChangesAreCommits(lab, seen);

            seen.get("overflow").fields().forEachRemaining(view -> assertThat(view.getValue().asInt())
                    .as("horizontal overflow at " + view.getKey() + ": " + seen.path("overflowing")).isLessThanOrEqualTo(0));
            assertThat(seen.get("consoleErrors")).as("no script error and no CSP violation").isEmpty();
        }
    }

    @Test
    void aChangeTheServerNeverAnswersSaysSoRatherThanWaitingForever() throws Exception {
        assumeChromium();
        try (DashboardLab lab = new DashboardLab(tmp)) {
            org.eclipse.jgit.lib.ObjectId before = head();
            JsonNode seen = NodeAguiCheck.script("dashboard-check.mjs", List.of("NO_ANSWER", lab.base(),
                    lab.sessions.linkToken(), CHROMIUM.toString(), APP));
            assertThat(seen.path("failed").asText(null)).as("the notice never left \"catalog_enable…\": %s", seen)
                    .isNull();

            assertThat(seen.at("/outcome/notice").asText()).startsWith("catalog_enable: no answer from the dashboard's "
                    + "server (").contains("is sikifanso dashboard still running?");
            assertThat(seen.path("noticeClass").asText()).isEqualTo("bad");
            assertThat(head()).as("nothing reached the server").isEqualTo(before);
        }
    }

    @Test
    void aClusterWhoseApiCannotBeReadIsSaidOnThePageWithTheFix() throws Exception {
        assumeChromium();
        com.sikifanso.TestHome.withCluster(tmp);   // prepared only: no nodes, so its state feed has nothing to ask
        DashboardSessions sessions = new DashboardSessions();
        try (com.sikifanso.server.AguiServer server = com.sikifanso.server.AguiServer.startWithDashboard(
                com.sikifanso.argocd.RunningLab.cliServices(tmp),
                new com.sikifanso.http.BearerToken(tmp.resolve("serve-token")), new com.sikifanso.server.ServeOptions(
                        new java.net.InetSocketAddress("127.0.0.1", 0), DashboardLab.CLUSTER), sessions)) {
            JsonNode seen = NodeAguiCheck.script("dashboard-check.mjs", List.of("UNREACHABLE",
                    "http://127.0.0.1:" + server.port(), sessions.linkToken(), CHROMIUM.toString()));
            assertThat(seen.path("failed").asText(null)).as("the page never said it: %s", seen).isNull();

            for (String page : List.of("first", "later")) {
                assertThat(seen.at("/" + page + "/banner").asText()).as(page).isEqualTo("cluster \"lab\" is not running "
                        + "(state: not-created), so there is nothing to ask To fix: create its nodes with: sikifanso "
                        + "cluster create lab");
                assertThat(seen.at("/" + page + "/doctor").asText()).isEqualTo("no verdicts: the cluster cannot be read now");
            }
            assertThat(seen.get("consoleErrors")).isEmpty();
        }
    }

    @Test
    void aPageWhoseStreamTheServerRefusesSaysItIsNotConnectedRatherThanReconnectingForEver() throws Exception {
        assumeChromium();
        try (DashboardLab lab = new DashboardLab(tmp)) {
            JsonNode seen = NodeAguiCheck.script("dashboard-check.mjs", List.of("REFUSED", lab.base(),
                    lab.sessions.linkToken(), CHROMIUM.toString()));
            assertThat(seen.path("failed").asText(null)).as("the status never left \"reconnecting…\": %s", seen)
                    .isNull();

            assertThat(seen.path("live").asText()).isEqualTo("not connected: the server refused this page "
                    + "(restarted?); open the link sikifanso dashboard printed");
        }
    }

    private org.eclipse.jgit.lib.ObjectId head() throws java.io.IOException {
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(tmp.resolve("clusters/lab/gitops").toFile())) {
            return git.getRepository().resolve("HEAD");
        }
    }

    /**
     * The rollback, the profile and the snapshot restore clicked on their pages, each after its question, are the
     * CLI's operations: read back from the repo's history with git, newest first: the restore, the profile's one
     * commit, the rollback (the snapshot was captured right after it).
     */
    private void clickedChangesAreCommits(DashboardLab lab, JsonNode seen) throws Exception {
        String revision = seen.at("/rollback/revision").asText();
        assertThat(seen.at("/rollback/notice").asText()).isEqualTo("app_rollback: done.");
        assertThat(seen.at("/rollback/questions/0").asText()).as("the registry's question")
                .startsWith("Roll \"" + APP + "\" in cluster \"lab\" back to revision " + revision + "?");
        assertThat(seen.at("/capture/notice").asText()).isEqualTo("snapshot_capture: done.");
        assertThat(seen.at("/profile/notice").asText()).isEqualTo("profile_apply: done.");
        assertThat(seen.at("/profile/questions/0").asText()).startsWith("Apply " + PROFILE);
        assertThat(seen.at("/restore/notice").asText()).isEqualTo("snapshot_restore: done.");
        assertThat(seen.at("/restore/questions/0").asText()).as("the registry's question")
                .startsWith("Replace the GitOps repo content of cluster \"lab\" with snapshot \"dashboard-check\"?");

        com.sikifanso.catalog.Catalog catalog = lab.services.apps().catalog(ClusterName.of(DashboardLab.CLUSTER));
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(tmp.resolve("clusters/lab/gitops").toFile())) {
            List<org.eclipse.jgit.revwalk.RevCommit> log = new java.util.ArrayList<>();
            git.log().setMaxCount(3).call().forEach(log::add);
            var restore = log.get(0);
            var profile = log.get(1);
            var rollback = log.get(2);
            assertThat(restore.getShortMessage()).isEqualTo("restore snapshot dashboard-check");
            assertThat(restore.getTree()).as("the repo as captured, right after the rollback").isEqualTo(rollback.getTree());
            assertThat(profile.getShortMessage()).startsWith("profile " + PROFILE + ": enable ");
            for (String app : lab.services.profiles().find(PROFILE)
                    .orElseThrow().apps()) {
                assertThat(blob(git, profile, catalog.get(app).file())).as(app + " in the profile's one commit")
                        .containsPattern("(?m)^enabled: true");
            }
            assertThat(rollback.getShortMessage()).startsWith("rollback " + APP + " to ");
            assertThat(revision).startsWith(rollback.getShortMessage().substring(("rollback " + APP + " to ").length()));
            String file = catalog.get(APP).file();
            assertThat(blob(git, rollback, file)).as("the app's file as at the revision rolled back to")
                    .isEqualTo(blob(git, git.getRepository().parseCommit(git.getRepository().resolve(revision)), file))
                    .containsPattern("(?m)^enabled: true");
        }
    }

    private static String blob(org.eclipse.jgit.api.Git git, org.eclipse.jgit.revwalk.RevCommit commit, String path)
            throws java.io.IOException {
        try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
            assertThat(walk).as(path + " in " + commit.getName()).isNotNull();
            return new String(git.getRepository().open(walk.getObjectId(0)).getBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Two operation runs written to the cluster's journal interleaved, as a CLI command and an agent's MCP call at the
     * same moment would: the second starts before the first has its step and result. Their run ids and operations.
     */
    private static Map<String, String> interleavedRuns(DashboardLab lab) {
        ActivityJournal journal = new ActivityJournal(lab.services.sessions().home().clusterDir(ClusterName.of(DashboardLab.CLUSTER)),
                JournalOptions.DEFAULTS);
        OperationRun enable = OperationRun.start(journal, DashboardLab.CLUSTER, new OperationRun.Caller("cli", null),
                "catalog_enable", AguiJson.MAPPER.createObjectNode().put("name", "valkey"));
        OperationRun update = OperationRun.start(journal, DashboardLab.CLUSTER, new OperationRun.Caller("mcp",
                OperationRun.Caller.agent(WATCHED)), "agent_update", AguiJson.MAPPER.createObjectNode().put("name", WATCHED));
        enable.run().step("waiting for valkey to sync").close();
        update.succeeded(AguiJson.MAPPER.createObjectNode().put("name", WATCHED), Optional.empty());
        enable.succeeded(AguiJson.MAPPER.createObjectNode().put("enabled", "valkey"), Optional.empty());
        return Map.of(enable.runId(), "catalog_enable", update.runId(), "agent_update");
    }

    static void assumeChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            System.err.println("""

                    ######################################################################
                    #  SKIPPING the dashboard's browser test: no %s
                    #  Install Debian's chromium (apt-get install chromium); .ci/run does.
                    ######################################################################
                    """.formatted(CHROMIUM));
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "dashboard browser test SKIPPED: no " + CHROMIUM);
    }
}
