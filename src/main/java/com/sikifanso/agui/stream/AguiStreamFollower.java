package com.sikifanso.agui.stream;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.core.Throwables;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows an agent's AG-UI stream until stopped: each frame is handed on as an event ({@link ForeignEvents}), and when
 * the stream ends or cannot be opened (the pod restarted, the agent is down) it opens it again after a pause that
 * doubles up to a limit, saying so each time. A stream that delivered something starts the pauses over.
 */
public final class AguiStreamFollower implements AutoCloseable {
    /** Pauses between attempts: the first, and the most it grows to. */
    public record Backoff(Duration first, Duration max) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15));

        Duration next(Duration current) {
            Duration doubled = current.multipliedBy(2);
            return doubled.compareTo(max) > 0 ? max : doubled;
        }
    }

    private final AguiEndpointConnection connection;
    private final Backoff backoff;
    private volatile InputStream current;
    private volatile boolean closed;

    public AguiStreamFollower(AguiEndpointConnection connection, Backoff backoff) {
        this.connection = connection;
        this.backoff = backoff;
    }

    /** Reads, and reopens, until {@link #close()} or an interrupt; {@code notices} hears of each (re)connection. */
    public void follow(Consumer<AguiEvent> events, Consumer<String> notices) {
        Duration pause = backoff.first();
        int retries = 0;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            String why;
            boolean[] delivered = {false};
            boolean opened = false;
            try (InputStream in = connection.open()) {
                opened = true;
                current = in;
                if (closed) {
                    return;
                }
                notices.accept("AG-UI stream: connected to " + connection.describe());
                SseFrames.read(in, data -> {
                    delivered[0] = true;
                    events.accept(ForeignEvents.decode(data, connection.describe()));
                });
                why = "the stream from " + connection.describe() + " ended";
            } catch (IOException e) {
                why = (opened ? "the stream from " + connection.describe() + " broke off: "
                        : "cannot open the AG-UI stream from " + connection.describe() + ": ") + reason(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                current = null;
            }
            if (closed) {
                return;
            }
            if (delivered[0]) {
                pause = backoff.first();
                retries = 0;
            }
            retries++;
            notices.accept(why + "; reconnecting in " + seconds(pause) + " (retry " + retries + ", Ctrl-C stops)");
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = backoff.next(pause);
        }
    }

    /** Why reading failed, in words: the JDK's own messages for a refused or dropped connection say little. */
    static String reason(IOException e) {
        Throwable root = Throwables.rootCause(e);
        if (root instanceof java.net.ConnectException || root instanceof java.nio.channels.ClosedChannelException) {
            return "nothing answers there (connection refused or closed)";
        }
        if (root instanceof java.io.EOFException || "EOF reached while reading".equals(root.getMessage())) {
            return "the connection closed mid-stream";
        }
        return Throwables.rootMessage(e);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Stops following: closes the stream being read, which a blocked read does not notice an interrupt for. */
    @Override
    public void close() {
        closed = true;
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing to stop: nothing more to do
            }
        }
    }
}
