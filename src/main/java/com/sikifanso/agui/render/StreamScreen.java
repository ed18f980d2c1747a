package com.sikifanso.agui.render;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where rendered events are written: whole lines, text streamed into an open line as it arrives, and on a
 * terminal a status line at the bottom (a spinner with what is running) redrawn in place and cleared before
 * anything else is printed. Without a terminal there is no status line and nothing is redrawn. Callers
 * synchronise on the renderer; the spinner thread takes the same lock.
 */
final class StreamScreen {
    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    private static final int STATUS_WIDTH = 110;

    private final PrintWriter out;
    private final Object lock;
    private final Supplier<String> status;
    private final ScheduledExecutorService spinner;
    private boolean statusShown;
    private String openLine;
    private int frame;

    /** {@code status} says what to show on the status line, or null for nothing; read under {@code lock}. */
    StreamScreen(PrintWriter out, boolean terminal, Object lock, Supplier<String> status) {
        this.out = out;
        this.lock = lock;
        this.status = status;
        this.spinner = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "events-spinner");
            t.setDaemon(true);
            return t;
        }) : null;
        if (spinner != null) {
            spinner.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** Prints a whole line, ending any open text line first. */
    void line(String text) {
        clearStatus();
        endOpenLine();
        out.print(text + "\n");
    }

    /**
     * Continues the open line of {@code owner} with {@code text}; when another line is open (or none), starts a new
     * one with {@code start} first. Line breaks inside {@code text} continue under {@code indent}.
     */
    void stream(String owner, String start, String text, String indent) {
        clearStatus();
        if (!owner.equals(openLine)) {
            endOpenLine();
            out.print(start);
            openLine = owner;
        }
        out.print(text.replace("\n", "\n" + indent));
    }

    /** Ends the open text line of {@code owner}, if it is the open one. */
    void endLine(String owner) {
        if (owner.equals(openLine)) {
            clearStatus();
            endOpenLine();
        }
    }

    /** Brings the status line up to date (after a batch of lines) and flushes. */
    void refresh() {
        draw();
        out.flush();
    }

    /** Stops the spinner and leaves the cursor at the start of a fresh line. */
    void close() {
        if (spinner != null) {
            spinner.shutdownNow();
        }
        clearStatus();
        endOpenLine();
        out.flush();
    }

    private void tick() {
        synchronized (lock) {
            frame = (frame + 1) % FRAMES.length();
            draw();
            out.flush();
        }
    }

    private void draw() {
        if (spinner == null || spinner.isShutdown() || openLine != null) {
            return;   // streamed text owns the cursor until its line ends
        }
        String text = status.get();
        if (text == null) {
            clearStatus();
            return;
        }
        out.print("\r\u001b[K" + FRAMES.charAt(frame) + " " + JsonSummaries.cut(text, STATUS_WIDTH));
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\u001b[K");
            statusShown = false;
        }
    }

    private void endOpenLine() {
        if (openLine != null) {
            out.print("\n");
            openLine = null;
        }
    }
}
