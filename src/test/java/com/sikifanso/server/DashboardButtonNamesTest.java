package com.sikifanso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person on a screen reader tabs from button to button and hears each one's accessible name (its aria-label, else
 * its text) without the table row around it: on every page, no two buttons may sound the same.
 */
class DashboardButtonNamesTest {
    private static final Pattern BUTTON = Pattern.compile("<button([^>]*)>([^<]*)</button>");
    private static final Pattern ARIA_LABEL = Pattern.compile("aria-label=\"([^\"]*)\"");

    @TempDir
    Path home;

    @Test
    void noTwoButtonsOfAPageHaveTheSameAccessibleName() throws Exception {
        try (ServedCluster served = ServedCluster.withDashboard(home, "lab")) {
            served.call("catalog_enable", Map.of("cluster", "lab", "names", List.of("qdrant"), "wait", false));
            for (String snapshot : List.of("first", "second")) {
                served.call("snapshot_capture", Map.of("cluster", "lab", "name", snapshot));
            }
            String cookie = DashboardAuthTest.signIn(served);
            for (String path : List.of("/", "/catalog", "/agents", "/snapshots", "/apps/qdrant")) {
                String page = Requests.send(served.server.port(), "GET", path, null, null, "Cookie", cookie).body();
                List<String> names = accessibleNames(page);
                assertThat(names).as(path).doesNotHaveDuplicates();
                if (path.equals("/catalog")) {
                    assertThat(names).contains("Disable qdrant", "Enable valkey");
                }
                if (path.equals("/snapshots")) {
                    assertThat(names).contains("Restore first into lab", "Restore second into lab");
                }
            }
        }
    }

    private static List<String> accessibleNames(String html) {
        List<String> names = new ArrayList<>();
        Matcher button = BUTTON.matcher(html);
        while (button.find()) {
            Matcher label = ARIA_LABEL.matcher(button.group(1));
            names.add(label.find() ? label.group(1) : button.group(2).strip());
        }
        return names;
    }
}
