package com.sikifanso.catalog;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Hint;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code app add --verify}: asks the chart's repository now whether the chart and version exist,
 * instead of leaving Argo CD to find out. A Helm repository is asked for its {@code index.yaml};
 * an OCI registry for the chart's manifest (the version is the tag), with the anonymous bearer
 * token the registry's challenge names.
 */
public final class ChartAvailability {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Large public indexes run to tens of MiB; more than this is not a Helm index. */
    private static final int MAX_INDEX_BYTES = 64 << 20;
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final int LISTED = 5;

    private final HttpClient http;

    public ChartAvailability() {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    ChartAvailability(HttpClient http) {
        this.http = http;
    }

    /** What was found, in a line; a failure naming what is missing when the chart or version is not there. */
    public String check(CustomApp app) {
        return check(app, Hint.of(", or add the app without ", Suggestion.of("app", "add").arg("name", "NAME")
                .flag("verify").mention()));
    }

    /**
     * As {@link #check(CustomApp)}, for a caller whose user goes without the check another way: {@code orWithout}
     * follows "check the URL and your network" when a repository cannot be reached (null: no way round it).
     */
    public String check(CustomApp app, Hint orWithout) {
        ChartReference.require(app.repoURL(), app.chart(), app.targetRevision());
        try {
            return app.repoURL().toLowerCase().startsWith("oci://") ? checkOci(app) : checkIndex(app);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot verify " + app.chart() + " at " + app.repoURL() + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()),
                    "check the URL and your network", orWithout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted while verifying " + app.chart(), "run it again");
        }
    }

    private String checkIndex(CustomApp app) throws IOException, InterruptedException {
        String url = app.repoURL().replaceAll("/+$", "") + "/index.yaml";
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_INDEX_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw notARepository(app, url + " answered HTTP " + response.statusCode());
        }
        if (body.length > MAX_INDEX_BYTES) {
            throw notARepository(app, url + " is larger than " + (MAX_INDEX_BYTES >> 20) + " MiB");
        }
        JsonNode index;
        try {
            index = Mappers.YAML.readTree(body);
        } catch (IOException e) {
            throw notARepository(app, url + " is not YAML");
        }
        if (index == null || !index.path("entries").isObject()) {
            throw notARepository(app, url + " has no entries");
        }
        JsonNode versions = index.path("entries").path(app.chart());
        if (!versions.isArray() || versions.isEmpty()) {
            List<String> charts = new ArrayList<>();
            index.path("entries").fieldNames().forEachRemaining(charts::add);
            throw SikifansoException.failure("there is no chart \"" + app.chart() + "\" in " + app.repoURL(),
                    "charts there: " + listed(charts));
        }
        List<String> listed = new ArrayList<>();
        versions.forEach(v -> listed.add(v.path("version").asText()));
        return versionAnswer(app, listed, "in " + app.repoURL());
    }

    private String checkOci(CustomApp app) throws IOException, InterruptedException {
        URI repo = URI.create(app.repoURL());
        String name = (repo.getPath() == null ? "" : repo.getPath().replaceAll("^/+|/+$", ""));
        name = name.isEmpty() ? app.chart() : name + "/" + app.chart();
        String base = registryScheme(repo.getHost()) + "://" + repo.getAuthority() + "/v2/" + name;
        if (!ChartReference.SEMVER.matcher(app.targetRevision()).matches()) {
            HttpResponse<String> tags = getWithToken(base + "/tags/list", "application/json");
            if (tags.statusCode() != 200) {
                throw missingOci(app, tags.statusCode());
            }
            List<String> listed = new ArrayList<>();
            Mappers.JSON.readTree(tags.body()).path("tags").forEach(t -> listed.add(t.asText()));
            return versionAnswer(app, listed, "at " + app.repoURL());
        }
        // OCI tags cannot hold '+': Helm writes build metadata as '_'.
        String tag = app.targetRevision().replace('+', '_');
        HttpResponse<String> manifest = getWithToken(base + "/manifests/" + tag,
                "application/vnd.oci.image.manifest.v1+json");
        if (manifest.statusCode() != 200) {
            throw missingOci(app, manifest.statusCode());
        }
        return "found " + app.chart() + " " + app.targetRevision() + " at " + app.repoURL();
    }

    /** Registries are https; a registry on this machine (a test or a local registry) is plain http, as Helm's --plain-http. */
    private static String registryScheme(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") ? "http" : "https";
    }

    /** A GET that answers a 401 bearer challenge with an anonymous token, as registries expect. */
    private HttpResponse<String> getWithToken(String url, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", accept);
        HttpResponse<String> first = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        Optional<String> challenge = first.headers().firstValue("WWW-Authenticate");
        if (first.statusCode() != 401 || challenge.isEmpty() || !challenge.get().startsWith("Bearer ")) {
            return first;
        }
        Matcher m = CHALLENGE_PARAM.matcher(challenge.get());
        String realm = null;
        StringBuilder query = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("realm")) {
                realm = m.group(2);
            } else {
                query.append(query.isEmpty() ? "?" : "&").append(m.group(1)).append('=')
                        .append(java.net.URLEncoder.encode(m.group(2), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (realm == null) {
            return first;
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(realm + query)).timeout(TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            return first;
        }
        JsonNode json = Mappers.JSON.readTree(token.body());
        String bearer = json.path("token").asText(json.path("access_token").asText(""));
        return http.send(request.header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String versionAnswer(CustomApp app, List<String> versions, String where) {
        String version = app.targetRevision();
        if (ChartReference.SEMVER.matcher(version).matches()) {
            if (versions.contains(version) || versions.contains(version.replaceFirst("^v", ""))) {
                return "found " + app.chart() + " " + version + " " + where;
            }
            throw SikifansoException.failure("chart \"" + app.chart() + "\" " + where + " has no version " + version,
                    "versions there: " + listed(versions));
        }
        if (versions.isEmpty()) {
            throw SikifansoException.failure("chart \"" + app.chart() + "\" " + where + " lists no versions",
                    "check the chart name and repository");
        }
        // A range is resolved by Argo CD; the user sees what it has to choose from.
        return "found " + app.chart() + " " + where + " (range " + version + "; versions there: " + listed(versions)
                + ")";
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items.subList(0, Math.min(LISTED, items.size())))
                + (items.size() > LISTED ? " and " + (items.size() - LISTED) + " more" : "");
    }

    private static SikifansoException notARepository(CustomApp app, String why) {
        return SikifansoException.failure(app.repoURL() + " is not a Helm repository: " + why,
                "give ", Suggestion.of("app", "add").arg("name", "NAME").option("repo", "repoUrl", "URL").mentionFlag(),
                " the URL whose index.yaml lists the chart (for an OCI registry: oci://HOST/PATH)");
    }

    private static SikifansoException missingOci(CustomApp app, int status) {
        return SikifansoException.failure("there is no chart " + app.chart() + " " + app.targetRevision() + " at "
                        + app.repoURL() + " (registry answered HTTP " + status + ")",
                "check the chart name, the version (an OCI tag) and the registry path");
    }
}
