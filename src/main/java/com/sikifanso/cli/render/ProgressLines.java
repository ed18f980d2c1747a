package com.sikifanso.cli.render;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.sikifanso.core.UpdatingProgress;

/**
 * Progress on stderr with the time since the command started. Plain lines ("[  2.4s] step")
 * when stderr is not a terminal; on a terminal the current step spins in place and each
 * finished step stays behind as a plain line. Close it when the command ends.
 */
public final class ProgressLines implements UpdatingProgress, AutoCloseable {
    private static final String FRAMES = "|/-\\";
    /** Without a terminal, a running figure is printed at most this often, so logs stay short. */
    private static final long PLAIN_UPDATE_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService spinner;
    private String current;
    private String currentStamp;
    private int frame;
    private long lastPlainLine = System.nanoTime();

    public ProgressLines(PrintWriter err, boolean terminal) {
        this.err = err;
        this.spinner = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-spinner");
            t.setDaemon(true);
            return t;
        }) : null;
        if (spinner != null) {
            spinner.scheduleAtFixedRate(this::redraw, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void accept(String step) {
        if (spinner == null) {
            err.println(stamp() + " " + step);
            lastPlainLine = System.nanoTime();
        } else {
            // The step that just ended stays on screen as a plain line.
            if (current != null) {
                err.print("\r\u001b[K" + currentStamp + " " + current + "\n");
            }
            current = step;
            currentStamp = stamp();
            draw();
        }
        err.flush();
    }

    /** On a terminal the current line shows {@code line} now; otherwise a line every few seconds. */
    @Override
    public synchronized void update(String line) {
        if (spinner == null) {
            if (System.nanoTime() - lastPlainLine >= PLAIN_UPDATE_NANOS) {
                err.println(stamp() + " " + line);
                lastPlainLine = System.nanoTime();
                err.flush();
            }
            return;
        }
        if (current == null) {
            currentStamp = stamp();
        }
        current = line;
        draw();
        err.flush();
    }

    private synchronized void redraw() {
        if (current != null) {
            frame = (frame + 1) % FRAMES.length();
            draw();
            err.flush();
        }
    }

    private void draw() {
        err.print("\r\u001b[K" + FRAMES.charAt(frame) + " " + current + " (" + seconds() + "s)");
    }

    private String stamp() {
        return String.format(Locale.ROOT, "[%5ss]", seconds());
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }

    /** Stops the spinner and leaves the last step as a plain line, so what follows starts on its own line. */
    @Override
    public synchronized void close() {
        if (spinner != null) {
            spinner.shutdownNow();
            if (current != null) {
                err.print("\r\u001b[K" + currentStamp + " " + current + "\n");
                current = null;
            }
            err.flush();
        }
    }
}
