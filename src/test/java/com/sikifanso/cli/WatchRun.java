package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A following command (until Ctrl-C) run in this JVM on its own thread, stopped by an interrupt as Ctrl-C does. */
final class WatchRun implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int code = -1;

    private WatchRun(Map<String, String> env, String... args) {
        thread = Thread.ofPlatform().name("watch-run").start(() -> code = CommandLines.run(args, env,
                new PrintWriter(out, true), new PrintWriter(err, true), false));
    }

    static WatchRun start(Map<String, String> env, String... args) {
        return new WatchRun(env, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    /** Waits (at most a minute: a bound against hanging, not a timing assertion) until stdout shows {@code text}. */
    WatchRun awaitOut(String text) {
        return await("stdout to contain " + text, r -> r.out().contains(text));
    }

    WatchRun awaitErr(String text) {
        return await("stderr to contain " + text, r -> r.err().contains(text));
    }

    WatchRun await(String what, Predicate<WatchRun> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.test(this)) {
            if (!thread.isAlive()) {
                fail("the command ended (exit " + code + ") before " + what + "\nstdout:\n" + out() + "\nstderr:\n"
                        + err());
            }
            if (System.nanoTime() > deadline) {
                fail("waited " + PATIENCE + " for " + what + "\nstdout:\n" + out() + "\nstderr:\n" + err());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return this;
    }

    /** Interrupts it (as Ctrl-C would end it) and returns its exit code. */
    int stop() {
        thread.interrupt();
        try {
            thread.join(PATIENCE);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (thread.isAlive()) {
            fail("the command did not stop when interrupted\nstderr:\n" + err());
        }
        return code;
    }

    /** Waits for the command to end on its own (a refused input) and returns its exit code. */
    int awaitExit() {
        try {
            thread.join(PATIENCE);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return code;
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            stop();
        }
    }
}
