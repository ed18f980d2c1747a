package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.Profile;
import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.cluster.WorkloadImages;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.ChartCoordinates;
import com.sikifanso.infra.Cni;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The images a cluster with some profiles needs, found by rendering what it would install: the platform's charts
 * (Cilium unless the CNI is flannel, Argo CD) with the values the bootstrap gives them, and the chart of every app the
 * profiles enable (dependencies included) with its values file, all read from one GitOps repo.
 */
public final class ProfileImages {
    /** Renders a chart as {@code helm template} would; {@link HelmCharts#template} in production. */
    @FunctionalInterface
    public interface ChartRenderer {
        String template(ChartCoordinates chart, String version, JsonNode values);
    }

    /**
     * Stands in for server-0's address in Cilium's values: it only fills {@code k8sServiceHost}, never an image.
     */
    private static final String ANY_API_ADDRESS = "127.0.0.1";

    private final ChartRenderer charts;
    private final Profiles profiles;
    private final InfraConfigs infra;

    public ProfileImages(ChartRenderer charts, Profiles profiles, InfraConfigs infra) {
        this.charts = charts;
        this.profiles = profiles;
        this.infra = infra;
    }

    /** One rendered chart: who needs it (the platform, or an app), and the images it runs. */
    public record ChartImages(String neededBy, String chart, String version, List<String> images) {
    }

    /**
     * What the platform and the profiles need: the node image, the platform's charts, each app's chart, and which
     * apps each profile enables.
     */
    public record Needed(String nodeImage, List<ChartImages> platform, List<ChartImages> apps,
                         Map<String, List<String>> profileApps) {
        public List<String> platformImages() {
            return union(platform);
        }

        /** The images of the apps {@code profile} enables. */
        public List<String> profileImages(String profile) {
            List<String> names = profileApps.getOrDefault(profile, List.of());
            return union(apps.stream().filter(a -> names.contains(a.neededBy())).toList());
        }

        /** Every image, once, in the order first met. */
        public List<String> images() {
            List<ChartImages> all = new ArrayList<>(platform);
            all.addAll(apps);
            return union(all);
        }

        private static List<String> union(List<ChartImages> charts) {
            LinkedHashSet<String> images = new LinkedHashSet<>();
            charts.forEach(c -> images.addAll(c.images()));
            return List.copyOf(images);
        }
    }

    public Needed collect(Path repo, ProfileSelection selection, Progress progress) {
        InfraConfig config = infra.load(repo);
        List<ChartImages> platform = new ArrayList<>();
        if (config.platform().cni() == Cni.cilium) {
            platform.add(render("platform", config.cilium(), HelmValues.cilium(config, ANY_API_ADDRESS), progress));
        }
        platform.add(render("platform", config.argocd(), HelmValues.argocd(config), progress));
        Catalog catalog = Catalog.load(repo);
        Map<String, List<String>> profileApps = new LinkedHashMap<>();
        LinkedHashSet<String> appNames = new LinkedHashSet<>();
        for (Profile profile : profiles.resolve(selection)) {
            List<String> missing = profile.apps().stream().filter(a -> !catalog.contains(a)).toList();
            if (!missing.isEmpty()) {
                throw SikifansoException.failure("profile " + profile.name() + " needs apps the catalog in " + repo
                        + " lacks: " + String.join(", ", missing), "add them to catalog/ or pick another profile");
            }
            List<String> apps = catalog.dependencies().resolve(profile.apps()).ordered();
            profileApps.put(profile.name(), apps);
            appNames.addAll(apps);
        }
        List<ChartImages> apps = new ArrayList<>();
        for (String name : appNames) {
            CatalogEntry entry = catalog.get(name);
            apps.add(render(name, new ChartCoordinates(entry.repoURL(), entry.chart(), entry.targetRevision(),
                    entry.namespace(), entry.name()), values(repo.resolve(entry.valuesFile())), progress));
        }
        return new Needed(config.platform().k3sImage(), platform, apps, profileApps);
    }

    private ChartImages render(String neededBy, ChartCoordinates chart, JsonNode values, Progress progress) {
        progress.step("rendering " + chart.chart() + " " + chart.targetRevision() + " (" + neededBy + ")");
        String rendered = charts.template(chart, chart.targetRevision(), values);
        return new ChartImages(neededBy, chart.chart(), chart.targetRevision(), WorkloadImages.of(rendered));
    }

    private static JsonNode values(Path file) {
        if (!Files.isRegularFile(file)) {
            return Mappers.YAML.createObjectNode();
        }
        try {
            JsonNode values = Mappers.YAML.readTree(file.toFile());
            return values == null || values.isMissingNode() ? Mappers.YAML.createObjectNode() : values;
        } catch (IOException e) {
            throw SikifansoException.failure(file + " is not YAML: " + e.getMessage(), "fix the values file", e);
        }
    }
}
