package com.sikifanso.ops;

import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Services on a temporary home with Docker pointed at a socket nobody serves and a kubeconfig of their own: for
 * operation tests on real GitOps repos (--gitops-only) that must never reach the user's engine or clusters.
 */
final class NoDockerServices {
    private NoDockerServices() {
    }

    static Services on(Path home) {
        return new Services(new BuildInfo("test", "none"), new SikifansoHome(home), Duration.ofSeconds(5),
                msg -> { }, Map.of("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"),
                        "KUBECONFIG", home.resolve("kubeconfig").toString(), "HOME", home.toString()));
    }

    /** The operation as the CLI invokes it, progress discarded. */
    static <I extends Record, O extends Record> O invoke(Services services, Operation<I, O> op, I input) {
        return services.invocations().invoke(op, input, Invocations.Caller.program(Surface.cli, msg -> { }));
    }
}
