package com.sikifanso.cluster;

import com.sikifanso.core.Progress;
import com.sikifanso.core.Deadline;
import com.sikifanso.core.GoDurations;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The first step of every bootstrap, and for now the whole of it: wait until the API server
 * answers HTTPS on its host port. Any HTTP answer counts (401 included): it only proves the
 * server is up. No credentials are sent, so its certificate is not checked here.
 */
public final class ApiServerWait implements ClusterBootstrap {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final Clock clock;

    public ApiServerWait(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Session.Services> bootstrap(Target target, Progress progress) {
        awaitApiServer(target.apiUrl(), target.deadline(), target.timeout(), progress);
        return Optional.empty();
    }

    public void awaitApiServer(String apiUrl, Instant deadline, Duration timeout, Progress progress) {
        HttpClient http = HttpClient.newBuilder().sslContext(trustingContext())
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/readyz")).timeout(Duration.ofSeconds(3))
                .GET().build();
        progress.step("waiting for the API server at " + apiUrl);
        Deadline end = Deadline.at(clock, deadline);
        Instant nextReport = clock.instant().plus(REPORT_EVERY);
        String lastError = "no answer yet";
        while (true) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                progress.note("the API server answered (HTTP " + response.statusCode() + ")");
                return;
            } catch (java.io.IOException e) {
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SikifansoException.failure("interrupted while waiting for the API server", null, e);
            }
            Instant now = clock.instant();
            if (end.passed()) {
                throw new SikifansoException("the API server did not answer within " + GoDurations.format(timeout)
                        + " on " + apiUrl + " (last error: " + lastError + ")",
                        "look at the server's log (docker logs of the cluster's server-0 container), or give it"
                                + " longer with --timeout", SikifansoException.TIMEOUT, null);
            }
            if (!now.isBefore(nextReport)) {
                progress.note("still waiting for the API server (" + lastError + ")");
                nextReport = now.plus(REPORT_EVERY);
            }
            end.pause(POLL, "the API server");
        }
    }

    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS is always available in the JDK", e);
        }
    }
}
