package com.sikifanso.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The end of a wait, and the one way to pause while polling towards it. An interrupt (Ctrl+C on a
 * command, a cancelled MCP call) ends the wait as a failure that says what was being waited for, with the
 * thread's interrupt flag set again so the callers above stop too.
 */
public final class Deadline {
    private final Clock clock;
    private final Instant at;

    private Deadline(Clock clock, Instant at) {
        this.clock = clock;
        this.at = at;
    }

    public static Deadline after(Clock clock, Duration timeout) {
        return new Deadline(clock, clock.instant().plus(timeout));
    }

    public static Deadline at(Clock clock, Instant at) {
        return new Deadline(clock, at);
    }

    public Instant instant() {
        return at;
    }

    public boolean passed() {
        return !clock.instant().isBefore(at);
    }

    /** What is left, never negative. */
    public Duration left() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Sleeps for {@code poll}, or less when the deadline comes sooner (at least a millisecond). */
    public void pause(Duration poll, String waitingFor) {
        long millis = Math.max(1, Math.min(poll.toMillis(), left().toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted while waiting for " + waitingFor, null, e);
        }
    }
}
