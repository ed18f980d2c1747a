package com.sikifanso.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.OperationRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks out of a cluster's activity journal the runs about one agent: those an agent-scoped MCP server made for it
 * (their caller is the agent), and those whose operation input names it (an {@code agent_*} operation's
 * {@code name}, or its namespace). A run is kept or dropped whole: its first events wait until its tool call's
 * arguments say whether it is the agent's. Feed it entries in journal order; runs begun before the first entry
 * it saw are not shown (their start is unknown).
 */
public final class AgentActivity {
    private final String agent;
    private final String namespace;
    private final Map<String, Run> runs = new HashMap<>();

    public AgentActivity(String agent) {
        this.agent = agent;
        this.namespace = AgentSandbox.namespace(agent);
    }

    /** What a run is known to be so far; {@code held} are its events while undecided. */
    private record Run(Boolean ours, String operation, List<JournalEntry> held) {
    }

    /** The entries to show now, as {@code entry} arrives (none, it, or it with the run's held events before it). */
    public List<JournalEntry> accept(JournalEntry entry) {
        AguiEvent event = entry.event();
        Run run = runs.get(entry.runId());
        if (event instanceof AguiEvent.RunStarted started) {
            run = new Run(calledByAgent(started) ? Boolean.TRUE : null, operation(started), new ArrayList<>());
        } else if (run == null) {
            return List.of();
        }
        List<JournalEntry> shown = List.of();
        if (run.ours() == null) {
            run.held().add(entry);
            if (event instanceof AguiEvent.ToolCallArgs args) {
                boolean ours = namesAgent(run.operation(), args.delta());
                shown = ours ? List.copyOf(run.held()) : List.of();
                run = new Run(ours, run.operation(), new ArrayList<>());
            }
        } else if (run.ours()) {
            shown = List.of(entry);
        }
        if (event instanceof AguiEvent.RunFinished || event instanceof AguiEvent.RunError) {
            runs.remove(entry.runId());
        } else {
            runs.put(entry.runId(), run);
        }
        return shown;
    }

    private boolean calledByAgent(AguiEvent.RunStarted started) {
        JsonNode props = started.input() == null ? null : started.input().forwardedProps();
        return props != null && OperationRun.Caller.agent(agent).equals(props.path("caller").asText(null));
    }

    private static String operation(AguiEvent.RunStarted started) {
        JsonNode props = started.input() == null ? null : started.input().forwardedProps();
        return props == null ? "" : props.path("operation").asText("");
    }

    private boolean namesAgent(String operation, String arguments) {
        JsonNode input;
        try {
            input = AguiJson.MAPPER.readTree(arguments == null ? "" : arguments);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (input == null) {
            return false;
        }
        return operation.startsWith("agent_") && agent.equals(input.path("name").asText(null))
                || namespace.equals(input.path("namespace").asText(null));
    }
}
