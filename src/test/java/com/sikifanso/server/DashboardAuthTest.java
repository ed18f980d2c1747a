package com.sikifanso.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's sign-in and request checks on raw sockets: the link's token becomes an HttpOnly, SameSite=Strict
 * session cookie; a change made with that cookie needs the session's CSRF token; the bearer token keeps working
 * for programs; every answer carries the Content-Security-Policy and no CORS header; no page has inline script.
 */
class DashboardAuthTest {
    private static final String CLUSTER = "dash-auth";
    private static final Pattern COOKIE = Pattern.compile("Set-Cookie: (sikifanso_dashboard=[A-Za-z0-9_-]+)(;[^\\r\\n]*)");
    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([A-Za-z0-9_-]+)\"");
    private static final String CREATE = Requests.run("r-create", "agent_create", "{\"name\":\"alpha\",\"wait\":false}",
            null);

    @TempDir
    Path home;

    @Test
    void theLinksTokenBecomesAnHttpOnlyStrictCookieAndTheRedirectDropsTheToken() throws Exception {
        try (ServedCluster served = ServedCluster.withDashboard(home, CLUSTER)) {
            int port = served.server.port();
            Requests.Answer login = Requests.send(port, "GET", "/login?token=" + served.dashboard.linkToken(), null,
                    null);
            assertThat(login.status()).isEqualTo(303);
            assertThat(login.head()).contains("Location: /\r\n").doesNotContain(served.dashboard.linkToken());
            Matcher cookie = COOKIE.matcher(login.head());
            assertThat(cookie.find()).as(login.head()).isTrue();
            assertThat(cookie.group(2)).contains("HttpOnly", "SameSite=Strict", "Path=/");
            assertThat(served.dashboard.linkToken()).as("not the long-lived bearer token").isNotEqualTo(served.token);

            Requests.Answer overview = Requests.send(port, "GET", "/", null, null, "Cookie", cookie.group(1));
            assertThat(overview.status()).isEqualTo(200);
            assertThat(overview.body()).contains("<h1>Overview</h1>", "data-cluster=\"" + CLUSTER + "\"");
        }
    }

    @Test
    void withoutTheLinksTokenOrASessionEverythingIsRefused() throws Exception {
        try (ServedCluster served = ServedCluster.withDashboard(home, CLUSTER)) {
            int port = served.server.port();
            Requests.Answer wrongLink = Requests.send(port, "GET", "/login?token=guess", null, null);
            assertThat(wrongLink.status()).isEqualTo(401);
            assertThat(wrongLink.head()).doesNotContain("Set-Cookie");
            assertThat(wrongLink.body()).contains("not this dashboard's", "sikifanso cluster dashboard")
                    .doesNotContain("guess");
            assertThat(Requests.send(port, "GET", "/login", null, null).status()).isEqualTo(401);
            assertThat(Requests.send(port, "GET", "/login?token=" + served.token, null, null).status())
                    .as("the bearer token is not a link token").isEqualTo(401);
            for (String path : List.of("/", "/catalog", "/static/dashboard.js", "/api/agui/events")) {
                Requests.Answer page = Requests.send(port, "GET", path, null, null);
                assertThat(page.status()).as(path).isEqualTo(401);
                assertThat(page.body()).contains("not signed in", "open the link");
                assertThat(Requests.send(port, "GET", path, null, null, "Cookie", "sikifanso_dashboard=made-up")
                        .status()).as(path + " with a cookie no session has").isEqualTo(401);
            }
            long before = served.journal().lastSequence();
            assertThat(Requests.send(port, "POST", "/api/agui/run", null, CREATE).status()).isEqualTo(401);
            assertThat(Requests.send(port, "POST", "/api/agui/run", "wrong", CREATE).status()).isEqualTo(401);
            assertThat(agentFile(served)).doesNotExist();
            assertThat(served.journal().lastSequence()).isEqualTo(before);
        }
    }

    @Test
    void aChangeWithTheCookieNeedsItsSessionsCsrfTokenAndIsJournalledAsTheDashboard() throws Exception {
        try (ServedCluster served = ServedCluster.withDashboard(home, CLUSTER)) {
            int port = served.server.port();
            String cookie = signIn(served);
            String csrf = csrf(served, cookie);
            String otherSessionsCsrf = csrf(served, signIn(served));
            long before = served.journal().lastSequence();
            for (String[] header : List.of(new String[0], new String[] {"X-CSRF-Token", "wrong"},
                    new String[] {"X-CSRF-Token", otherSessionsCsrf}, new String[] {"X-CSRF-Token", ""})) {
                String[] headers = header.length == 0 ? new String[] {"Cookie", cookie}
                        : new String[] {"Cookie", cookie, header[0], header[1]};
                Requests.Answer refused = Requests.send(port, "POST", "/api/agui/run", null, CREATE, headers);
                assertThat(refused.status()).as(String.join(" ", header)).isEqualTo(403);
                assertThat(refused.body()).contains("missing or wrong CSRF token", "reload");
            }
            assertThat(agentFile(served)).as("nothing was changed").doesNotExist();
            assertThat(served.journal().lastSequence()).isEqualTo(before);

            Requests.Answer foreign = Requests.send(port, "POST", "/api/agui/run", null, CREATE, "Cookie", cookie,
                    "X-CSRF-Token", csrf, "Origin", "http://attacker.example");
            assertThat(foreign.status()).as("another site's page, even with a stolen CSRF token").isEqualTo(403);
            assertThat(agentFile(served)).doesNotExist();

            Requests.Answer created = Requests.send(port, "POST", "/api/agui/run", null, CREATE, "Cookie", cookie,
                    "X-CSRF-Token", csrf, "Origin", "http://127.0.0.1:" + port);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            assertThat(created.body()).contains("RUN_FINISHED");
            assertThat(agentFile(served)).exists();
            assertThat(surfaceOf(served, "r-create")).isEqualTo("dashboard");
        }
    }

    @Test
    void programsKeepUsingTheBearerTokenWithoutCsrfAndAreJournalledAsAgui() throws Exception {
        try (ServedCluster served = ServedCluster.withDashboard(home, CLUSTER)) {
            Requests.Answer created = Requests.send(served.server.port(), "POST", "/api/agui/run", served.token,
                    CREATE);
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            assertThat(agentFile(served)).exists();
            assertThat(surfaceOf(served, "r-create")).isEqualTo("agui");
        }
    }

    @Test
    void everyAnswerHasTheCspAndNoCorsAndNoPageHasInlineScriptOrStyle() throws Exception {
        try (ServedCluster served = ServedCluster.withDashboard(home, CLUSTER)) {
            int port = served.server.port();
            String cookie = signIn(served);
            for (String path : List.of("/", "/catalog", "/agents", "/activity", "/snapshots", "/apps/qdrant")) {
                Requests.Answer page = Requests.send(port, "GET", path, null, null, "Cookie", cookie);
                assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
                assertThat(page.head()).contains("Content-Security-Policy: default-src 'none'; script-src 'self';",
                        "X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer")
                        .doesNotContainIgnoringCase("Access-Control-").doesNotContain("unsafe-inline");
                if (!path.startsWith("/apps/")) {
                    assertThat(page.body()).as(path + " reads what a --gitops-only cluster has without failing")
                            .doesNotContain("class=\"error\"");
                }
                assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                        .doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=").doesNotContain("<style");
            }
            Requests.Answer refusal = Requests.send(port, "GET", "/", null, null);
            assertThat(refusal.head()).contains("Content-Security-Policy");
            Requests.Answer script = Requests.send(port, "GET", "/static/dashboard.js", null, null, "Cookie", cookie);
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.head()).contains("Content-Type: text/javascript");
            assertThat(script.body()).contains("EventSource", "X-CSRF-Token");
            Requests.Answer missing = Requests.send(port, "GET", "/nothing?token=SECRETLY", null, null, "Cookie", cookie);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("/catalog", "/api/agui/run").doesNotContain("SECRETLY");
            Requests.Answer post = Requests.send(port, "POST", "/catalog", served.token, "{}");
            assertThat(post.status()).isEqualTo(405);
        }
    }

    /** Signs in with the link's token; the session cookie as name=value. */
    static String signIn(ServedCluster served) throws Exception {
        Requests.Answer login = Requests.send(served.server.port(), "GET", "/login?token="
                + served.dashboard.linkToken(), null, null);
        Matcher cookie = COOKIE.matcher(login.head());
        assertThat(cookie.find()).as(login.head()).isTrue();
        return cookie.group(1);
    }

    private static String csrf(ServedCluster served, String cookie) throws Exception {
        Matcher csrf = CSRF.matcher(Requests.send(served.server.port(), "GET", "/activity", null, null, "Cookie",
                cookie).body());
        assertThat(csrf.find()).isTrue();
        return csrf.group(1);
    }

    private static Path agentFile(ServedCluster served) {
        return served.home.resolve("clusters/" + CLUSTER + "/gitops/agents/alpha.yaml");
    }

    private static String surfaceOf(ServedCluster served, String runId) {
        return served.journal().readRun(runId).stream().map(JournalEntry::event)
                .filter(e -> e instanceof AguiEvent.RunStarted).map(e -> ((AguiEvent.RunStarted) e).input()
                        .forwardedProps().path("surface").asText()).findFirst().orElseThrow();
    }
}
