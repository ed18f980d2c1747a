package com.sikifanso.doctor;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Throwables;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs checks, each on its own virtual thread, and gives each at most {@code timeout}: a check
 * that has not answered by then is a failure saying so, and is not waited for.
 */
public final class CheckRunner {
    /** The doctor's {@code --check-timeout}, {@code checkTimeout} for a model. */
    private static final Hint CHECK_TIMEOUT = Hint.of(Suggestion.of("cluster", "doctor").tool("doctor")
            .option("checkTimeout", "10s").mentionFlag());

    private final Duration timeout;
    private final boolean parallel;

    public CheckRunner(Duration timeout, boolean parallel) {
        this.timeout = timeout;
        this.parallel = parallel;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The results in the order of {@code checks}. */
    public List<CheckResult> run(List<Check> checks) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<CheckResult> results = new ArrayList<>();
            if (parallel) {
                long deadline = System.nanoTime() + timeout.toNanos();
                List<Future<CheckResult>> running = checks.stream().map(c -> threads.submit(c.probe()::run)).toList();
                for (int i = 0; i < checks.size(); i++) {
                    results.add(await(checks.get(i), running.get(i), deadline));
                }
            } else {
                for (Check c : checks) {
                    results.add(await(c, threads.submit(c.probe()::run), System.nanoTime() + timeout.toNanos()));
                }
            }
            return results;
        } finally {
            // A check stuck in a call is abandoned, not awaited: the report must not hang on it.
            threads.shutdownNow();
        }
    }

    private CheckResult await(Check check, Future<CheckResult> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return CheckResult.fail(check.name(), "no answer within " + seconds(timeout),
                    "the check timed out after " + seconds(timeout),
                    Hint.of("retry with a longer ", CHECK_TIMEOUT, "; a slow answer usually means an overloaded Docker"
                            + " or API server"));
        } catch (ExecutionException e) {
            return failure(check.name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(check.name(), "interrupted", "the check was interrupted", "run it again");
        }
    }

    /** A check that threw: its error as the cause, the error's hint (when it has one) as the fix. */
    static CheckResult failure(String name, Throwable e) {
        if (e instanceof SikifansoException s) {
            return CheckResult.fail(name, "check failed", s.getMessage(), s.fix());
        }
        if (e instanceof KubernetesClientException k) {
            String detail = k.getCode() > 0 ? "HTTP " + k.getCode() + " " + Throwables.rootMessage(k) : Throwables.rootMessage(k);
            return CheckResult.fail(name, "Kubernetes API error", detail,
                    "check the \"Kubernetes API\" row; retry the doctor when the API answers");
        }
        return CheckResult.fail(name, "check failed", Throwables.rootMessage(e),
                "run again with --log-level debug and report it if it persists");
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
