package com.sikifanso.cluster;

import com.sikifanso.core.Progress;
import com.sikifanso.core.Throwables;
import com.sikifanso.kube.LiveCluster;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Mappers;
import java.util.Locale;
import java.util.Map;

/**
 * Gets node images into the engine before anything is created from them, as k3d does: pulled when
 * absent (or always, or never), with the user's registry logins, showing layers, bytes and rate.
 * A pull that fails says why in the registry's words and what to do, and has created nothing.
 */
public final class ImagePulls {
    /** Updates of the running figures reach the sink at most this often. */
    private static final long UPDATE_NANOS = 100_000_000L;

    private final DockerEngine engine;
    private final RegistryCredentials credentials;

    public ImagePulls(DockerEngine engine, Map<String, String> env) {
        this.engine = engine;
        this.credentials = new RegistryCredentials(env);
    }

    /** Whether the engine has the image under this name. */
    public boolean present(String image) {
        return engine.call("inspect image " + image, docker -> {
            try {
                docker.inspectImageCmd(image).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /** Makes sure the engine has {@code image} as the policy says; returns whether it pulled. */
    public boolean ensure(String image, PullPolicy policy, Progress progress) {
        boolean present = present(image);
        if (policy == PullPolicy.NEVER) {
            if (!present) {
                throw SikifansoException.failure("the node image " + image + " is not in Docker, and --pull never"
                                + " forbids pulling it",
                        "pull or load it first (docker pull " + image + ", or docker load -i FILE), or drop"
                                + " --pull never");
            }
            return false;
        }
        if (present && policy == PullPolicy.MISSING) {
            return false;
        }
        pull(image, progress);
        return true;
    }

    private void pull(String image, Progress progress) {
        ImageReference ref = ImageReference.parse(image);
        var auth = credentials.forImage(ref);
        progress.step("pulling " + image + (auth.isPresent() ? " (signed in to " + ref.registry() + ")" : ""));
        PullProgress figures = new PullProgress(System.nanoTime());
        Callback callback = new Callback(image, figures, progress);
        try {
            var cmd = engine.client().pullImageCmd(ref.repository());
            if (ref.tag() != null) {
                cmd.withTag(ref.tag());
            }
            auth.ifPresent(cmd::withAuthConfig);
            cmd.exec(callback).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted while pulling " + image, null);
        } catch (DockerException e) {
            throw PullFailure.of(ref, image, DockerEngine.firstLine(e.getMessage()), e);
        } catch (SikifansoException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DockerEngine.connectionFailed(e)) {
                throw engine.unreachable(e);
            }
            throw PullFailure.of(ref, image, DockerEngine.firstLine(Throwables.rootMessage(e)), e);
        }
        if (callback.error != null) {
            throw PullFailure.of(ref, image, callback.error, null);
        }
        if (!present(image)) {
            throw PullFailure.of(ref, image, "the pull ended but Docker has no " + image, null);
        }
        progress.note("pulled " + image + " (" + figures.summary(System.nanoTime()) + ")");
    }

    /** Feeds the engine's messages into the figures; keeps the first error the stream reports. */
    private static final class Callback extends ResultCallback.Adapter<PullResponseItem> {
        private final String image;
        private final PullProgress figures;
        private final Progress progress;
        private long lastUpdate;
        volatile String error;

        Callback(String image, PullProgress figures, Progress progress) {
            this.image = image;
            this.figures = figures;
            this.progress = progress;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null || item.getError() != null) {
                if (error == null) {
                    error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                }
                return;
            }
            long now = System.nanoTime();
            if (figures.accept(item) && (now - lastUpdate >= UPDATE_NANOS || PullProgress.finishesLayer(item))) {
                lastUpdate = now;
                progress.activity("pull", Mappers.JSON.createObjectNode().put("image", image)
                        .put("layers", figures.layers()).put("bytes", figures.bytes())
                        .put("status", "pulling " + image + ": " + figures.line(now)));
            }
        }
    }

    /** The registry's answer as one sentence with the fix. */
    static final class PullFailure {
        private PullFailure() {
        }

        static SikifansoException of(ImageReference ref, String image, String answer, Throwable cause) {
            String a = answer.toLowerCase(Locale.ROOT);
            String registry = ref.registry();
            String what = "cannot pull " + image + ": " + registry + " answered \"" + answer + "\"";
            if (a.contains("toomanyrequests") || a.contains("rate limit")) {
                return SikifansoException.failure(what + " (rate limited)", "wait and retry, or sign in for a higher"
                        + " limit: " + ref.loginCommand(), cause);
            }
            if (a.contains("unauthorized") || a.contains("authentication required") || a.contains("denied")
                    || a.contains("no basic auth credentials")) {
                return SikifansoException.failure(what + " (not authorised)", "sign in, then retry: "
                        + ref.loginCommand(), cause);
            }
            if (a.contains("manifest unknown") || a.contains("not found") || a.contains("does not exist")) {
                return SikifansoException.failure(what + " (no such image or tag)", "check the name and tag (--image,"
                        + " or k3sImage in the GitOps repo's infra/platform.yaml)", cause);
            }
            if (a.contains("dial tcp") || a.contains("no such host") || a.contains("connection refused")
                    || a.contains("timeout") || a.contains("network is unreachable") || a.contains("lookup ")) {
                return SikifansoException.failure(what + " (registry unreachable)", "connect to the network and retry;"
                        + " offline, load the image yourself (docker load -i FILE) and use --pull never; or use"
                        + " a mirror: --image MIRROR/" + ref.repository().replaceFirst("^" + registry + "/", "")
                        + (ref.tag() == null ? "" : ":" + ref.tag()) + " with --registry-config FILE for what the cluster pulls", cause);
            }
            return SikifansoException.failure(what, "retry; run with --log-level debug for the engine's full answer",
                    cause);
        }
    }
}
