package com.sikifanso.mcp;

import java.util.Map;

/** A tool's human title, spelled from its name: {@code kube_logs} is "Kubernetes logs". */
final class ToolTitles {
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("argocd", "Argo CD"),
            Map.entry("kube", "Kubernetes"), Map.entry("app", "App"), Map.entry("apps", "apps"),
            Map.entry("list", "list"), Map.entry("info", "info"));

    private ToolTitles() {
    }

    static String of(String name) {
        StringBuilder title = new StringBuilder();
        for (String word : name.split("_")) {
            String spelled = WORDS.getOrDefault(word, word);
            if (title.isEmpty()) {
                title.append(Character.toUpperCase(spelled.charAt(0))).append(spelled.substring(1));
            } else {
                title.append(' ').append(spelled);
            }
        }
        return title.toString();
    }
}
