package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.NodeAguiCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core ({@code src/test/node/
 * dashboard-check.mjs}) against the dashboard of a cluster whose API is fabric8's mock server (see
 * {@link DashboardLab}). Signs in with the link, loads every page live, toggles an app (the catalog row and the
 * activity feed in another tab update from the event stream), disables it again with the keyboard only, creates
 * and deletes an agent, and is refused without the token and with a missing or wrong CSRF token.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String APP = "postgresql";
    private static final String AGENT = "scout";

    @TempDir
    Path tmp;

    @Test
    void aUserSignsInTogglesAnAppWatchesItGoLiveAndManagesAnAgent() throws Exception {
        assumeChromium();
        try (DashboardLab lab = new DashboardLab(tmp)) {
            List<String> needs = lab.services.apps().catalog(ClusterName.of(DashboardLab.CLUSTER)).dependencies()
                    .resolve(List.of(APP)).added();
            JsonNode seen = NodeAguiCheck.script("dashboard-check.mjs", List.of("CHECK", lab.base(),
                    lab.sessions.linkToken(), CHROMIUM.toString(), APP, AGENT));
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

            seen.get("overflow").fields().forEachRemaining(view -> assertThat(view.getValue().asInt())
                    .as("horizontal overflow at " + view.getKey()).isLessThanOrEqualTo(0));
            assertThat(seen.get("consoleErrors")).as("no script error and no CSP violation").isEmpty();
        }
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
