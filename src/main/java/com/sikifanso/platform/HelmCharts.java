package com.sikifanso.platform;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.UpgradeCommand;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.ChartCoordinates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

/**
 * Charts installed by the Helm engine helm-java bundles (no helm binary). Chart repositories are
 * registered in sikifanso's own repositories file, never the user's Helm configuration; the
 * kubeconfig is passed as contents, so Helm sees only the cluster's own context.
 */
public final class HelmCharts implements ChartInstaller {
    private final Path repositoryConfig;

    /** @param repositoryConfig sikifanso's Helm repositories file, e.g. ~/.sikifanso/helm/repositories.yaml */
    public HelmCharts(Path repositoryConfig) {
        this.repositoryConfig = repositoryConfig;
    }

    @Override
    public Release install(ChartCoordinates chart, String version, JsonNode values, String kubeconfig,
                           Duration timeout) {
        String what = "installing " + chart.chart() + " " + version;
        String reference = reference(chart);
        return withValuesFile(values, file -> {
            InstallCommand install = Helm.install(reference).withName(chart.releaseName())
                    .withNamespace(chart.namespace()).createNamespace().withVersion(version)
                    .withKubeConfigContents(kubeconfig).withRepositoryConfig(repositoryConfig)
                    .withValuesFile(file).waitReady().withTimeout(seconds(timeout));
            return release(chart, install.call());
        }, what);
    }

    @Override
    public Release upgrade(ChartCoordinates chart, String version, JsonNode values, String kubeconfig,
                           Duration timeout) {
        String what = "upgrading " + chart.chart() + " to " + version;
        String reference = reference(chart);
        return withValuesFile(values, file -> {
            // atomic: Helm rolls the release back to its previous revision when the upgrade fails.
            UpgradeCommand upgrade = Helm.upgrade(reference).withName(chart.releaseName())
                    .withNamespace(chart.namespace()).withVersion(version).resetValues().atomic()
                    .withKubeConfigContents(kubeconfig).withRepositoryConfig(repositoryConfig)
                    .withValuesFile(file).waitReady().withTimeout(seconds(timeout));
            return release(chart, upgrade.call());
        }, what);
    }

    @Override
    public void uninstall(String release, String namespace, String kubeconfig, Duration timeout) {
        try {
            Helm.uninstall(release).withNamespace(namespace).ignoreNotFound().withKubeConfigContents(kubeconfig)
                    .call();
        } catch (RuntimeException e) {
            throw SikifansoException.failure("uninstalling the Helm release " + namespace + "/" + release
                    + " failed: " + e.getMessage(), "remove it by hand: helm uninstall " + release + " -n " + namespace,
                    e);
        }
    }

    @Override
    public Optional<String> deployedVersion(ChartCoordinates chart, String kubeconfig) {
        try {
            return Helm.list().deployed().withNamespace(chart.namespace()).withKubeConfigContents(kubeconfig).call()
                    .stream().filter(r -> r.getName().equals(chart.releaseName()))
                    .map(r -> chartVersion(chart, r.getChart())).findFirst();
        } catch (RuntimeException e) {
            throw SikifansoException.failure("cannot list the Helm releases in " + chart.namespace() + ": "
                    + e.getMessage(), "is the cluster running? ", Suggestion.of("cluster", "start"), e);
        }
    }

    /** A repository alias registered in our own repositories file; OCI charts need none. */
    private String reference(ChartCoordinates chart) {
        if (chart.repoURL().startsWith("oci://")) {
            return chart.repoURL().replaceAll("/+$", "") + "/" + chart.chart();
        }
        String alias = "sikifanso-" + chart.releaseName();
        try {
            Files.createDirectories(repositoryConfig.getParent());
            Helm.repo().add().withRepositoryConfig(repositoryConfig).withName(alias)
                    .withUrl(URI.create(chart.repoURL())).call();
        } catch (IOException | RuntimeException e) {
            throw SikifansoException.failure("cannot reach the Helm repository " + chart.repoURL() + ": "
                    + e.getMessage(), "check the network, or repoURL in infra/" + chart.releaseName() + ".yaml", e);
        }
        return alias + "/" + chart.chart();
    }

    /**
     * {@code helm template} of {@code chart} at {@code version} with {@code values}, released as its coordinates say:
     * what an install, or Argo CD, would apply. The chart is fetched from its repository as an install fetches it.
     */
    public String template(ChartCoordinates chart, String version, JsonNode values) {
        String what = "rendering " + chart.chart() + " " + version;
        String reference = reference(chart);
        return withValuesFile(values, file -> {
            try {
                return Helm.template(reference).withName(chart.releaseName()).withNamespace(chart.namespace())
                        .withVersion(version).withRepositoryConfig(repositoryConfig).withValuesFile(file).call();
            } catch (RuntimeException e) {
                throw SikifansoException.failure(what + " from " + chart.repoURL() + " failed: " + e.getMessage(),
                        "check the network, the chart's coordinates and its values in the GitOps repo", e);
            }
        }, what);
    }

    @FunctionalInterface
    private interface HelmCall<T> {
        T run(Path valuesFile);
    }

    /** Values go to Helm as a file only the user can read: they may hold secrets. */
    private static <T> T withValuesFile(JsonNode values, HelmCall<T> call, String what) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sikifanso-helm", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path file = dir.resolve("values.yaml");
            Files.writeString(file, Mappers.YAML.writeValueAsString(values));
            return call.run(file);
        } catch (IOException e) {
            throw SikifansoException.failure(what + ": cannot write the values file: " + e.getMessage(), null, e);
        } catch (SikifansoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SikifansoException.failure(what + " failed: " + e.getMessage(),
                    "look at the pods: kubectl get pods -A --context <k3d-cluster>", e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("values.yaml"));
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // A temp file left behind is not worth failing the install for.
                }
            }
        }
    }

    private static Release release(ChartCoordinates chart, com.marcnuri.helm.Release r) {
        return new Release(r.getName(), r.getNamespace(), chartVersion(chart, r.getChart()), r.getStatus());
    }

    /** Helm reports the chart as {@code <name>-<version>}. */
    static String chartVersion(ChartCoordinates chart, String reported) {
        String prefix = chart.chart() + "-";
        return reported != null && reported.startsWith(prefix) ? reported.substring(prefix.length()) : reported;
    }

    private static int seconds(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toSeconds()));
    }
}
