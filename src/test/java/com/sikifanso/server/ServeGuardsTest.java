package com.sikifanso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stands before the endpoints, on raw sockets: the bearer token, the Origin and Host checks (the same
 * {@code http/} guard as {@code mcp serve --http}), the cluster, the resume point, unknown paths.
 */
class ServeGuardsTest {
    private static final String EVENTS = "/api/agui/events?cluster=srv-guard";

    @TempDir
    Path home;

    @Test
    void noTokenOrAWrongOneIs401AndNamesWhereTheTokenIs() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-guard")) {
            int port = served.server.port();
            Requests.Answer none = Requests.send(port, "GET", EVENTS, null, null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.head()).contains("WWW-Authenticate: Bearer");
            assertThat(none.body()).contains("bearer token", home.resolve("serve-token").toString());
            assertThat(Requests.send(port, "GET", EVENTS, "not-the-token", null).status()).isEqualTo(401);
            Requests.Answer run = Requests.send(port, "POST", "/api/agui/run", "x" + served.token,
                    Requests.run("r1", "catalog_list", "{}", null));
            assertThat(run.status()).isEqualTo(401);
            assertThat(run.body()).doesNotContain(served.token);
        }
    }

    @Test
    void aForeignOriginAndARebindingHostAre403WhileSameOriginLoopbackAndNoOriginPass() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-guard")) {
            int port = served.server.port();
            String self = "127.0.0.1:" + port;
            Requests.Answer foreign = Requests.send(port, "GET", EVENTS, served.token, null,
                    "Origin", "http://attacker.example");
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.body()).contains("forbidden Origin");
            assertThat(foreign.head()).doesNotContainIgnoringCase("Access-Control-Allow-Origin");
            Requests.Answer rebound = Requests.send(port, "GET", EVENTS, served.token, null,
                    "Host", "attacker.example:" + port);
            assertThat(rebound.status()).isEqualTo(403);
            assertThat(rebound.body()).contains("forbidden Host", "sikifanso serve");
            assertThat(Requests.send(port, "GET", EVENTS, served.token, null, "Origin", "null").status())
                    .isEqualTo(403);
            assertThat(Requests.send(port, "GET", EVENTS, served.token, null, "Origin", "http://localhost:1")
                    .status()).as("another loopback port is another origin").isEqualTo(403);

            // Allowed requests are streams: end them with a refusal-free request that returns at once.
            Requests.Answer sameOrigin = Requests.send(port, "POST", "/api/agui/run", served.token,
                    Requests.run("r-same", "catalog_list", "{}", null), "Origin", "http://" + self);
            assertThat(sameOrigin.status()).isEqualTo(200);
            assertThat(sameOrigin.head()).doesNotContainIgnoringCase("Access-Control-Allow-Origin");
            assertThat(Requests.send(port, "POST", "/api/agui/run", served.token,
                    Requests.run("r-none", "catalog_list", "{}", null)).status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownClusterIs404NamingTheKnownOnes() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-guard")) {
            for (String cluster : new String[] {"nosuch", "Bad..Name"}) {
                Requests.Answer answer = Requests.send(served.server.port(), "GET", "/api/agui/events?cluster="
                        + cluster, served.token, null);
                assertThat(answer.status()).isEqualTo(404);
                assertThat(answer.body()).contains("unknown cluster \"" + cluster + "\"", "known clusters: srv-guard");
            }
            Requests.Answer run = Requests.send(served.server.port(), "POST", "/api/agui/run", served.token,
                    Requests.run("r1", "catalog_list", "{\"cluster\":\"nosuch\"}", null));
            assertThat(run.status()).isEqualTo(404);
            assertThat(run.body()).contains("unknown cluster \"nosuch\"");
        }
    }

    @Test
    void aLastEventIdThatIsNoSequenceIs400() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-guard")) {
            for (String id : new String[] {"abc", "-4"}) {
                Requests.Answer answer = Requests.send(served.server.port(), "GET", EVENTS, served.token, null,
                        "Last-Event-ID", id);
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.body()).contains("Last-Event-ID", "is not a journal sequence number");
            }
        }
    }

    @Test
    void serveHelpNamesEveryEndpointAndItsParameters() {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = com.sikifanso.cli.CommandLines.run(new String[] {"serve", "--help"}, java.util.Map.of("HOME", home.toString()),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true), false);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("/api/agui/events?cluster=NAME", "&after=N", "&state=1",
                "/api/agui/agents/watch?cluster=NAME&agent=NAME", "/api/agui/run?cluster=NAME", "AI operator");
    }

    @Test
    void aBadAfterOrStateParameterIsRefusedNamingTheParameterGiven() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-guard")) {
            Requests.Answer after = Requests.send(served.server.port(), "GET", EVENTS + "&after=abc", served.token,
                    null);
            assertThat(after.status()).isEqualTo(400);
            assertThat(after.body()).startsWith("?after=\"abc\" is not a journal sequence number")
                    .doesNotContain("Last-Event-ID");
            Requests.Answer state = Requests.send(served.server.port(), "GET", EVENTS + "&state=yes", served.token,
                    null);
            assertThat(state.status()).as("not a stream without the state feed asked for").isEqualTo(400);
            assertThat(state.body()).startsWith("state=\"yes\" is neither 1");
        }
    }

    @Test
    void otherPathsAre404WithoutEchoingTheRequest() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-guard")) {
            Requests.Answer answer = Requests.send(served.server.port(), "GET", "/api/nothing?token=SECRETLY",
                    served.token, null);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("/api/agui/events", "/api/agui/run", "/api/agui/agents/watch")
                    .doesNotContain("SECRETLY");
            Requests.Answer get = Requests.send(served.server.port(), "GET", "/api/agui/run?x=SECRETLY", served.token,
                    null);
            assertThat(get.status()).isEqualTo(405);
            assertThat(get.head()).contains("Allow: POST");
            assertThat(get.body()).doesNotContain("SECRETLY");
            assertThat(Requests.send(served.server.port(), "DELETE", "/api/agui/events", served.token, null)
                    .status()).isEqualTo(405);
        }
    }
}
