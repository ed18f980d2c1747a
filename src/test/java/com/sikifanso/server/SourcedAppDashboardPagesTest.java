package com.sikifanso.server;

import static com.sikifanso.catalog.CatalogEntryFiles.entry;
import static com.sikifanso.catalog.CatalogEntryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.catalog.CommunityCatalog;
import com.sikifanso.core.ClusterName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog source's entries on the dashboard (a --gitops-only cluster served in-process, the source a real git
 * repository with a local chart repository): named {@code SOURCE/app} as every command names them, each with its
 * page, its row keyed by its Application's name (what the state feed reports), and an Enable button that works.
 */
class SourcedAppDashboardPagesTest {
    private static final String CLUSTER = "lab";
    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([A-Za-z0-9_-]+)\"");

    @TempDir
    Path tmp;

    @Test
    void aCatalogSourcesEntriesHaveTheirPageTheirStateAndAWorkingEnableButton() throws Exception {
        try (CommunityCatalog community = CommunityCatalog.serving(tmp.resolve("community"),
                Map.of("vectordb", List.of("1.0.0"), "embedder", List.of("1.0.0")));
             ServedCluster served = ServedCluster.withDashboard(tmp.resolve("home"), CLUSTER)) {
            write(community.entries(), "vectordb", entry("vectordb", community.chartsUrl()));
            write(community.entries(), "embedder", entry("embedder", community.chartsUrl(),
                    "dependsOn: [vectordb]"));
            community.commitAll("two entries");
            served.call("catalog_source_add", Map.of("name", "community", "reference", community.ref()));
            int port = served.server.port();
            String cookie = DashboardAuthTest.signIn(served);

            String catalog = Requests.send(port, "GET", "/catalog", null, null, "Cookie", cookie).body();
            String row = row(catalog, "community--embedder");
            assertThat(row).contains("<a href=\"/apps/community/embedder\">community/embedder</a>")
                    .doesNotContain("custom app").contains("also enables community/vectordb")
                    .contains("data-run=\"catalog_enable\"")
                    .contains("&quot;names&quot;:[&quot;community/embedder&quot;]");
            Requests.Answer page = Requests.send(port, "GET", "/apps/community/embedder", null, null, "Cookie", cookie);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>App community/embedder</h1>", "<tr data-app=\"community--embedder\">");
            assertThat(Requests.send(port, "GET", "/apps/community/embedder/x", null, null, "Cookie", cookie).status())
                    .isEqualTo(404);

            Matcher csrf = CSRF.matcher(catalog);
            assertThat(csrf.find()).isTrue();
            Requests.Answer enabled = Requests.send(port, "POST", "/api/agui/run?cluster=" + CLUSTER, null,
                    Requests.run("r-enable", "catalog_enable", "{\"names\":[\"community/embedder\"],\"wait\":false}",
                            null), "Cookie", cookie, "X-CSRF-Token", csrf.group(1), "Origin", "http://127.0.0.1:" + port);
            assertThat(enabled.body()).contains("RUN_FINISHED");
            assertThat(served.services.apps().catalog(ClusterName.of(CLUSTER)).get("community--embedder").enabled())
                    .isTrue();

            String after = row(Requests.send(port, "GET", "/catalog", null, null, "Cookie", cookie).body(),
                    "community--vectordb");
            assertThat(after).contains("needed by community/embedder").contains("data-run=\"catalog_disable\"")
                    .contains("data-ask=\"Enabled apps depend on community/vectordb: community/embedder.");
        }
    }

    /** The catalog table's row of an Application. */
    private static String row(String html, String application) {
        int start = html.indexOf("<tr data-app=\"" + application + "\"");
        assertThat(start).as("a row for " + application + " in\n" + html).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
