package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sikifanso cluster dashboard} (and {@code sikifanso dashboard}) as a user runs it: the link, refusals, stopping. */
class DashboardCommandTest {
    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:(\\d+))/login\\?token=([A-Za-z0-9_-]+)");

    @TempDir
    Path tmp;

    @Test
    void aNonLoopbackAddressOrAnUnknownClusterIsRefusedBeforeListening() {
        SikifansoProcess.Result remote = new SikifansoProcess(tmp).run("dashboard", "--addr", "0.0.0.0:8812");
        assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(2);
        assertThat(remote.stderr()).contains("would accept connections from other machines", "--allow-remote");
        SikifansoProcess.Result unknown = new SikifansoProcess(tmp).run("-c", "nosuch", "cluster", "dashboard",
                "--addr", "127.0.0.1:0");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("nosuch");
        assertThat(unknown.stdout()).doesNotContain("http://");
    }

    @Test
    void itPrintsALinkThatSignsTheBrowserInAndStopsCleanlyOnSigterm() throws Exception {
        TestHome.at(tmp).prepare("lab1");
        Path out = tmp.resolve("dash-out.txt");
        Path err = tmp.resolve("dash-err.txt");
        Process server = new SikifansoProcess(tmp).start(Map.of(), out, err, "-c", "lab1", "cluster", "dashboard",
                "--addr", "127.0.0.1:0");
        try {
            Matcher link = awaitLink(server, out, err);
            assertThat(Files.readString(err)).contains("dashboard of cluster lab1", "Ctrl+C");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(link.group())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(303);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> overview = http.send(HttpRequest.newBuilder(URI.create(link.group(1) + "/"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("cluster lab1", "/static/dashboard.js");

            server.destroy();   // SIGTERM, as Ctrl+C's SIGINT runs the same shutdown
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("dashboard stopped").isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    private static Matcher awaitLink(Process server, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = LINK.matcher(Files.readString(out));
            if (m.find()) {
                return m;
            }
            assertThat(server.isAlive()).as("dashboard exited: " + Files.readString(err)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("dashboard printed no link within 60 s: " + Files.readString(err));
    }
}
