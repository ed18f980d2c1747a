package com.sikifanso.kube;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a tool returns within a budget of lines and bytes (the last ones win: recent log
 * lines matter most), and says when it cut, so a model can ask for more.
 */
public record OutputBudget(int maxLines, int maxBytes) {
    public static final OutputBudget DEFAULT = new OutputBudget(200, 16 * 1024);

    /** Lines kept, and a note when some were left out. */
    public record Kept(List<String> lines, int total, boolean truncated, String note) {
    }

    public Kept keepLast(List<String> lines, String howToGetMore) {
        List<String> kept = new ArrayList<>();
        int bytes = 0;
        for (int i = lines.size() - 1; i >= 0 && kept.size() < maxLines; i--) {
            int size = lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            kept.add(0, lines.get(i));
        }
        boolean truncated = kept.size() < lines.size();
        String note = truncated ? "showing the last " + kept.size() + " of " + lines.size() + " lines (budget "
                + maxLines + " lines / " + maxBytes / 1024 + " KB); " + howToGetMore : null;
        return new Kept(kept, lines.size(), truncated, note);
    }
}
