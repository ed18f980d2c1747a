package com.sikifanso.cluster;

import com.github.dockerjava.api.model.PullResponseItem;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The running figures of one pull, from the engine's progress messages: layers, bytes and rate. */
final class PullProgress {
    private static final Set<String> LAYER_STATUSES = Set.of("Pulling fs layer", "Waiting", "Downloading",
            "Verifying Checksum", "Download complete", "Extracting", "Pull complete", "Already exists");
    private static final Set<String> DONE = Set.of("Pull complete", "Already exists");

    private final long start;
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    private static final class Layer {
        long current;
        long total;
        boolean done;
        boolean downloaded;
    }

    PullProgress(long startNanos) {
        this.start = startNanos;
    }

    /** Takes one message; returns whether it was about a layer, so the figures changed. */
    boolean accept(PullResponseItem item) {
        String status = item.getStatus();
        if (item.getId() == null || status == null || !LAYER_STATUSES.contains(status)) {
            return false;
        }
        Layer layer = layers.computeIfAbsent(item.getId(), id -> new Layer());
        var detail = item.getProgressDetail();
        if ("Downloading".equals(status) && detail != null) {
            layer.current = detail.getCurrent() == null ? layer.current : detail.getCurrent();
            layer.total = detail.getTotal() == null ? layer.total : detail.getTotal();
        }
        if ("Download complete".equals(status) || DONE.contains(status) && !"Already exists".equals(status)) {
            layer.downloaded = true;
            layer.current = Math.max(layer.current, layer.total);
        }
        layer.done |= DONE.contains(status);
        return true;
    }

    /** A layer finished: worth showing even between timed updates, so the last figures are complete. */
    static boolean finishesLayer(PullResponseItem item) {
        return item.getId() != null && DONE.contains(item.getStatus());
    }

    int layers() {
        return layers.size();
    }

    long bytes() {
        return layers.values().stream().mapToLong(l -> l.current).sum();
    }

    /** "2/3 layers, 1.2 of 3.4 MB, 5.1 MB/s" */
    String line(long nowNanos) {
        long done = layers.values().stream().filter(l -> l.done).count();
        long total = layers.values().stream().mapToLong(l -> l.total).sum();
        double seconds = Math.max((nowNanos - start) / 1e9, 0.001);
        return done + "/" + layers.size() + " layers, " + mb(bytes()) + (total > 0 ? " of " + mb(total) : "")
                + " MB, " + mb((long) (bytes() / seconds)) + " MB/s";
    }

    /** "3 layers, 30.5 MB in 2.3s" */
    String summary(long nowNanos) {
        return layers.size() + (layers.size() == 1 ? " layer, " : " layers, ") + mb(bytes()) + " MB in "
                + String.format(Locale.ROOT, "%.1fs", (nowNanos - start) / 1e9);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
