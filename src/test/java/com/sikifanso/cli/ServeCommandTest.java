package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sikifanso serve} as a user runs it: where it listens, what it refuses to bind, how it stops. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/api/agui");

    @TempDir
    Path tmp;

    @Test
    void aNonLoopbackAddressIsRefusedWithoutAllowRemoteAndNothingIsWritten() {
        SikifansoProcess.Result remote = new SikifansoProcess(tmp).run("serve", "--addr", "0.0.0.0:8812");
        assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(2);
        assertThat(remote.stderr()).contains("--addr 0.0.0.0:8812 would accept connections from other machines",
                "--addr 127.0.0.1:8812", "--allow-remote");
        SikifansoProcess.Result port = new SikifansoProcess(tmp).run("serve", "--addr", "127.0.0.1:http");
        assertThat(port.exitCode()).as(port.toString()).isEqualTo(2);
        assertThat(port.stderr()).contains("the port is not a number");
        assertThat(tmp.resolve("serve-token")).as("no token made for a server that never started").doesNotExist();
    }

    @Test
    void servePrintsWhereItListensServesItsClusterAndStopsCleanlyOnSigterm() throws Exception {
        TestHome.at(tmp).prepare("lab1");
        Path out = tmp.resolve("serve-out.txt");
        Path err = tmp.resolve("serve-err.txt");
        Process server = new SikifansoProcess(tmp).start(Map.of(), out, err, "-c", "lab1", "serve", "--addr",
                "127.0.0.1:0");
        try {
            int port = awaitPort(server, err);
            assertThat(Files.readString(err)).contains("cluster lab1", "bearer token: cat "
                    + tmp.resolve("serve-token"));
            String token = Files.readString(tmp.resolve("serve-token")).strip();
            assertThat(Files.getPosixFilePermissions(tmp.resolve("serve-token")).toString())
                    .isEqualTo("[OWNER_READ, OWNER_WRITE]");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/agui/run")).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers
                    .ofString("{\"messages\":[{\"id\":\"a\",\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"c\","
                            + "\"type\":\"function\",\"function\":{\"name\":\"catalog_list\",\"arguments\":\"{}\"}}]}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            assertThat(run.body()).as("the -c cluster is the default").contains("\"threadId\":\"lab1\"", "RUN_FINISHED");

            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/agui/events")).header("Authorization", "Bearer " + token).header("Last-Event-ID", "0")
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
            assertThat(stream.readLine()).startsWith("retry:");

            server.destroy();   // SIGTERM, as Ctrl+C's SIGINT runs the same shutdown
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("serve stopped with a client connected").isTrue();
            StringBuilder rest = new StringBuilder();
            for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(rest).as("the open stream was ended, after the journal's events").contains("RUN_FINISHED");
        } finally {
            server.destroyForcibly();
        }
    }

    private static int awaitPort(Process server, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(err));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(server.isAlive()).as("serve exited: " + Files.readString(err)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say where it listens within 60 s: " + Files.readString(err));
    }
}
