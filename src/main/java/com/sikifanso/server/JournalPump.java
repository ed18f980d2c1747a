package com.sikifanso.server;

import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalTail;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Copies a journal tail to an SSE response as entries arrive, with heartbeats while it is idle, until the client
 * leaves (a write fails), the server stops, or the caller's end condition holds. The one loop both endpoints use.
 */
final class JournalPump {
    /** How often a waiting pump looks at whether the server is stopping. */
    private static final Duration CHECK = Duration.ofMillis(250);

    private final Duration heartbeat;
    private final Duration retry;
    private final AtomicBoolean stopping;
    private final AtomicInteger open = new AtomicInteger();

    JournalPump(ServeOptions options, AtomicBoolean stopping) {
        this.heartbeat = options.heartbeat();
        this.retry = options.retry();
        this.stopping = stopping;
    }

    /** Streams being pumped now. */
    int open() {
        return open.get();
    }

    /**
     * Opens the SSE response and pumps one run's entries of {@code tail} into it (see {@link #pump}); closes the tail
     * when done.
     */
    End stream(HttpServletResponse response, JournalTail tail, Predicate<JournalEntry> wanted,
               Predicate<JournalEntry> last, BooleanSupplier exhausted) {
        return stream(response, tail, wanted, last, exhausted, false);
    }

    /** The whole journal, every run interleaved: each event says its run ({@link SseResponse#eventOfItsRun}). */
    End streamJournal(HttpServletResponse response, JournalTail tail) {
        return stream(response, tail, e -> true, e -> false, () -> false, true);
    }

    private End stream(HttpServletResponse response, JournalTail tail, Predicate<JournalEntry> wanted,
                       Predicate<JournalEntry> last, BooleanSupplier exhausted, boolean runs) {
        open.incrementAndGet();
        try (tail) {
            return pump(tail, SseResponse.open(response, retry), wanted, last, exhausted, runs);
        } catch (IOException e) {
            return End.CLIENT_LEFT;
        } finally {
            open.decrementAndGet();
        }
    }

    /** Why a pump ended. */
    enum End { LAST_SENT, NOTHING_MORE, CLIENT_LEFT, SERVER_STOPPING }

    /**
     * Sends the entries {@code wanted} accepts. Ends after sending one {@code last} accepts, or once {@code exhausted}
     * held before a poll that found nothing (so everything written before it held has been sent).
     */
    private End pump(JournalTail tail, SseResponse out, Predicate<JournalEntry> wanted, Predicate<JournalEntry> last,
             BooleanSupplier exhausted, boolean runs) {
        Duration wait = heartbeat.compareTo(CHECK) < 0 ? heartbeat : CHECK;
        long nextBeat = System.nanoTime() + heartbeat.toNanos();
        try {
            while (!stopping.get()) {
                boolean noMoreComing = exhausted.getAsBoolean();
                List<JournalEntry> batch = tail.poll(wait);
                for (JournalEntry entry : batch) {
                    if (wanted.test(entry)) {
                        if (runs) {
                            out.eventOfItsRun(entry);
                        } else {
                            out.event(entry);
                        }
                        if (last.test(entry)) {
                            out.flush();
                            return End.LAST_SENT;
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    out.flush();
                } else if (noMoreComing) {
                    return End.NOTHING_MORE;
                }
                if (System.nanoTime() - nextBeat >= 0) {
                    out.heartbeat();
                    nextBeat = System.nanoTime() + heartbeat.toNanos();
                }
            }
            return End.SERVER_STOPPING;
        } catch (IOException e) {
            return End.CLIENT_LEFT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return End.SERVER_STOPPING;
        }
    }
}
