package com.sikifanso.cluster;

import com.sikifanso.core.Throwables;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Docker Engine this process talks to: {@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY} and
 * {@code DOCKER_CERT_PATH}), else the local socket. The connection is made on first use, so commands
 * that never touch Docker work without it.
 */
public final class DockerEngine {
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final Map<String, String> env;
    private final String host;
    private DockerClient client;

    public DockerEngine(Map<String, String> env) {
        this.env = env;
        String configured = env.get("DOCKER_HOST");
        this.host = configured == null || configured.isBlank() ? localSocket(env) : configured;
    }

    /**
     * /var/run/docker.sock, else the per-user sockets of Docker Desktop, Colima and Rancher Desktop,
     * which exist without the /var/run link when it was not installed.
     */
    static String localSocket(Map<String, String> env) {
        if (Files.exists(Path.of(DEFAULT_HOST.substring("unix://".length())))) {
            return DEFAULT_HOST;
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        for (String candidate : new String[] {".docker/run/docker.sock", ".colima/default/docker.sock",
            ".rd/docker.sock"}) {
            Path socket = Path.of(home, candidate);
            if (Files.exists(socket)) {
                return "unix://" + socket;
            }
        }
        return DEFAULT_HOST;
    }

    public String host() {
        return host;
    }

    public synchronized DockerClient client() {
        if (client == null) {
            requireAddress(host);
            DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(host)
                    .withDockerTlsVerify("1".equals(env.get("DOCKER_TLS_VERIFY")));
            if (env.get("DOCKER_CERT_PATH") != null) {
                config.withDockerCertPath(env.get("DOCKER_CERT_PATH"));
            }
            DefaultDockerClientConfig built = config.build();
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(URI.create(host))
                    .sslConfig(built.getSSLConfig())
                    .connectionTimeout(Duration.ofSeconds(3))
                    // Stopping a node waits up to its stop timeout before the engine answers.
                    .responseTimeout(Duration.ofMinutes(2))
                    .build();
            client = DockerClientImpl.getInstance(built, http);
        }
        return client;
    }

    /**
     * Refuses a DOCKER_HOST the client cannot dial (no scheme, a typo, ssh://), which would otherwise surface as the
     * library's own failure and be reported as an engine that is not running.
     */
    static void requireAddress(String host) {
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
        boolean usable = switch (scheme) {
            case "unix", "npipe" -> uri.getPath() != null && !uri.getPath().isEmpty();
            case "tcp" -> uri.getHost() != null && uri.getPort() > 0;
            default -> false;
        };
        if (usable) {
            return;
        }
        if (scheme.equals("ssh")) {
            throw SikifansoException.usage("DOCKER_HOST \"" + host + "\" is an ssh:// address, which sikifanso cannot "
                    + "dial", "forward the engine's socket and point at it: ssh -nNT -L /tmp/docker.sock:/var/run/"
                    + "docker.sock " + uri.getAuthority() + ", then DOCKER_HOST=unix:///tmp/docker.sock");
        }
        throw SikifansoException.usage("DOCKER_HOST \"" + host + "\" is not a Docker address", "use unix:///PATH (e.g. "
                + DEFAULT_HOST + "), tcp://HOST:PORT or npipe:////./pipe/docker_engine, or unset it for the local "
                + "socket");
    }

    /** Runs one engine call, turning transport failures into the "Docker is not running" sentence. */
    public <T> T call(String what, Function<DockerClient, T> call) {
        try {
            return call.apply(client());
        } catch (DockerException e) {
            throw SikifansoException.failure("Docker refused to " + what + ": " + firstLine(e.getMessage()),
                    "check the Docker daemon's log for details", e);
        } catch (SikifansoException e) {
            throw e;
        } catch (RuntimeException e) {
            if (connectionFailed(e)) {
                throw unreachable(e);
            }
            throw SikifansoException.failure("cannot " + what + ": " + rootMessage(e),
                    "retry; if it keeps failing, run with --log-level debug and report it", e);
        }
    }

    /** Whether the engine could not be reached at all, as opposed to a failed call. */
    static boolean connectionFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    public void run(String what, Consumer<DockerClient> call) {
        call(what, c -> {
            call.accept(c);
            return null;
        });
    }

    /** The one sentence for an engine that does not answer, with the fix. */
    public SikifansoException unreachable(Throwable cause) {
        String reason = rootMessage(cause);
        if (reason.toLowerCase().contains("permission denied")) {
            return SikifansoException.failure("cannot use Docker at " + host + ": permission denied",
                    "add yourself to the docker group (sudo usermod -aG docker $USER, then log in again)", cause);
        }
        return SikifansoException.failure("Docker is not running (nothing answers at " + host + ": " + reason + ")",
                "start it with systemctl start docker (Linux) or open -a Docker (macOS), or point DOCKER_HOST at a"
                        + " running engine", cause);
    }

    /** The root cause's first line without the Docker API's "Status 404:" and JSON wrapping. */
    private static String rootMessage(Throwable e) {
        Throwable t = Throwables.rootCause(e);
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t instanceof IOException ? "connection failed" : t.getClass().getSimpleName();
        }
        return firstLine(m);
    }

    static String firstLine(String s) {
        return Throwables.firstLine(s).replaceFirst("^Status \\d+: ", "").replaceFirst("^\\{\"message\":\"(.*)\"}$", "$1");
    }
}
