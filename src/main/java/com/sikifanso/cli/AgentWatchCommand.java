package com.sikifanso.cli;

import com.sikifanso.agents.AgentWatch;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.stream.AguiStreamFollower;
import com.sikifanso.agui.stream.UrlConnection;
import com.sikifanso.agui.render.EventRenderer;
import com.sikifanso.cli.render.OutputFormat;
import com.sikifanso.core.SikifansoException;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", description = {"Follow everything about one agent, live, until Ctrl-C.",
    "It shows three things as they happen:",
    "- runs of the cluster's activity journal about it: agent create, update and delete,",
    "  and the MCP tool calls made through 'mcp serve --agent NAME';",
    "- the Kubernetes events of its namespace agent-NAME (pods scheduled, started, killed);",
    "- its own AG-UI stream, when a Service or Pod in agent-NAME declares one with the",
    "  annotation sikifanso.io/agui: \"<port>/<path>\" (a GET on that path answers",
    "  text/event-stream). It is read through the Kubernetes API server's proxy with the",
    "  cluster's credentials, so nothing is exposed on the host, and read again, after",
    "  growing pauses, when it ends or the pod restarts.",
    "Notices go to stderr; -o json prints one AG-UI event per line on stdout."},
        footer = {"", "Examples:", "  sikifanso agent watch researcher",
            "  sikifanso agent watch researcher --since 10m          # also what happened in the last 10 minutes",
            "  sikifanso agent watch researcher -o json | jq -c .type",
            "  sikifanso agent watch researcher --url http://127.0.0.1:8000/agui   # a stream you reach yourself"})
final class AgentWatchCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to watch.")
    String name;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Also show journal runs and Kubernetes events from this long ago, e.g. 10m"
                    + " (default: only what happens from now on).")
    Duration since;

    @Option(names = "--url", paramLabel = "URL",
            description = "Read the agent's AG-UI stream from this http(s) endpoint instead of its annotation.")
    String url;

    @Override
    int run() {
        if (out().format() == OutputFormat.yaml) {
            throw SikifansoException.usage("agent watch prints a stream, not one document: -o yaml does not fit",
                    "use -o json (one AG-UI event per line) or the default text");
        }
        AgentWatch.Request request = new AgentWatch.Request(cluster(), name,
                since == null ? null : Instant.now().minus(since), url == null ? null : UrlConnection.of(url),
                AguiStreamFollower.Backoff.DEFAULT);
        if (out().structured()) {
            new AgentWatch(services(), request, AgentWatch.Sink.of(e -> out().line(AguiJson.write(e)),
                    e -> out().line(AguiJson.write(e.event())), out()::info)).run();
        } else {
            try (EventRenderer renderer = root().eventRenderer()) {
                new AgentWatch(services(), request, AgentWatch.Sink.of(renderer::render, renderer::render,
                        out()::info)).run();
            }
        }
        return 0;
    }
}
