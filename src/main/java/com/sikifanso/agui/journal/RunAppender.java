package com.sikifanso.agui.journal;

import com.sikifanso.agui.AguiEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one run into a cluster's journal. A run without steps is held in memory and appended in one batch when it
 * ends (the journal write sits on every command's exit path, so a fast command pays for one lock, once). A run
 * that starts a step goes live: from its first {@code STEP_STARTED} on, everything held and every later event is
 * appended as it happens, so {@code events -f} in another terminal sees a long operation's phases while it runs.
 * The cluster's directory is never created here: while it does not exist (the first steps of {@code cluster
 * create}) events stay held and go in once it does; if it never does, the run is not journalled. A process killed
 * mid-run leaves a live run without {@code RUN_FINISHED}/{@code RUN_ERROR}: readers treat such a run as cut off.
 * Failing to write is logged once and never fails the operation.
 */
public final class RunAppender implements Consumer<AguiEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RunAppender.class);

    private final Path dir;
    private final JournalOptions options;
    private final String runId;
    private final List<AguiEvent> held = new ArrayList<>();
    private ActivityJournal journal;
    private boolean live;
    private boolean failed;

    public RunAppender(Path clusterDir, JournalOptions options, String runId) {
        this.dir = clusterDir;
        this.options = options;
        this.runId = runId;
    }

    @Override
    public synchronized void accept(AguiEvent event) {
        held.add(event);
        live |= event instanceof AguiEvent.StepStarted;
        if (live) {
            flush();
        }
    }

    /** Appends whatever is still held; call once the run has ended. */
    public synchronized void close() {
        flush();
    }

    /** Whether the run is being written as it happens. */
    public synchronized boolean live() {
        return live;
    }

    private void flush() {
        if (held.isEmpty() || failed || !Files.isDirectory(dir)) {
            return;
        }
        try {
            if (journal == null) {
                journal = new ActivityJournal(dir, options);
            }
            journal.append(runId, List.copyOf(held));
            held.clear();
        } catch (RuntimeException e) {
            failed = true;
            LOG.warn("could not write run {} to the activity journal in {}: {}", runId, dir, e.toString(), e);
        }
    }
}
