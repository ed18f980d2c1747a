package com.sikifanso.cluster;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C (or a TERM) during a create: the JVM runs its shutdown hooks while the creating thread still waits, and
 * halts when they end, so no failure path of that thread would run. The hook interrupts the thread, whose waits then
 * fail as any failed step does, so what was made is removed (or kept with --keep-on-failure) as after a failure, and
 * it waits for that before the JVM halts.
 */
final class CreateInterruption implements AutoCloseable {
    /** Longest the hook waits: a step that does not notice an interrupt (a Helm install) leaves what it made. */
    private static final long GRACE_SECONDS = 30;

    private final CountDownLatch settled = new CountDownLatch(1);
    private final Thread hook;

    CreateInterruption(Thread creating) {
        this.hook = new Thread(() -> {
            creating.interrupt();
            try {
                settled.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "create-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The create succeeded, or its failure path has removed what it made. */
    @Override
    public void close() {
        settled.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it was waiting for the count-down above.
        }
    }
}
