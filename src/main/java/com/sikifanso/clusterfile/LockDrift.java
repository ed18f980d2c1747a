package com.sikifanso.clusterfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between a lock and the cluster now (locked as the same lock would be written): apps and agents
 * added or removed, chart versions, values and definition digests, platform versions, complete profiles, images.
 * The GitOps commit is not drift (every commit has another id); images are compared only when both sides have them.
 */
public final class LockDrift {
    private LockDrift() {
    }

    /** One difference: {@code what} (app, custom app, agent, platform, profile, image), which, and how. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"what", "name", "change", "field", "locked", "now"})
    public record Change(String what, String name, Kind change, String field, String locked, String now) {
        public String text() {
            return switch (change) {
                case added -> what + " " + name + ": added" + (now == null ? "" : " (" + now + ")");
                case removed -> what + " " + name + ": removed" + (locked == null ? "" : " (was " + locked + ")");
                case changed -> what + " " + name + ": " + field + " " + shown(locked) + " -> " + shown(now);
            };
        }

        private static String shown(String value) {
            return value == null ? "(none)" : value.startsWith("sha256:") && value.length() > 19
                    ? value.substring(0, 19) : value;
        }
    }

    public enum Kind { added, removed, changed }

    public static List<Change> between(LockFile locked, LockFile now) {
        List<Change> changes = new ArrayList<>();
        platform(changes, locked.platform(), now.platform());
        names(changes, "profile", locked.profiles(), now.profiles());
        apps(changes, "app", locked.apps(), now.apps());
        apps(changes, "custom app", locked.customApps(), now.customApps());
        keyed(changes, "agent", byName(locked.agents(), LockFile.Agent::name), byName(now.agents(),
                LockFile.Agent::name), (name, a, b) -> field(changes, "agent", name, "definition", a.digest(),
                b.digest()), a -> a.digest());
        if (locked.imagesRecorded() && now.imagesRecorded()) {
            images(changes, locked.images(), now.images());
        }
        return changes;
    }

    private static void platform(List<Change> changes, LockFile.Platform a, LockFile.Platform b) {
        LockFile.Platform none = new LockFile.Platform(null, null, null, null);
        a = a == null ? none : a;
        b = b == null ? none : b;
        field(changes, "platform", "k3s", "image", a.k3sImage(), b.k3sImage());
        field(changes, "platform", "network", "cni", Objects.toString(a.cni(), null), Objects.toString(b.cni(), null));
        chart(changes, "platform", "cilium", a.cilium(), b.cilium());
        chart(changes, "platform", "argocd", a.argocd(), b.argocd());
    }

    /** A chart on one side only (Cilium under flannel) is added or removed whole. */
    private static void chart(List<Change> changes, String what, String name, LockFile.Chart a, LockFile.Chart b) {
        if (a == null || b == null) {
            if (a != b) {
                changes.add(a == null ? new Change(what, name, Kind.added, null, null, b.chart() + " " + b.version())
                        : new Change(what, name, Kind.removed, null, a.chart() + " " + a.version(), null));
            }
            return;
        }
        field(changes, what, name, "repo", a.repo(), b.repo());
        field(changes, what, name, "chart", a.chart(), b.chart());
        field(changes, what, name, "version", a.version(), b.version());
    }

    private static void apps(List<Change> changes, String what, List<LockFile.App> a, List<LockFile.App> b) {
        keyed(changes, what, byName(a, LockFile.App::name), byName(b, LockFile.App::name), (name, x, y) -> {
            field(changes, what, name, "repo", x.repo(), y.repo());
            field(changes, what, name, "chart", x.chart(), y.chart());
            field(changes, what, name, "version", x.version(), y.version());
            field(changes, what, name, "namespace", x.namespace(), y.namespace());
            field(changes, what, name, "values", x.valuesDigest(), y.valuesDigest());
        }, x -> x.chart() + " " + x.version());
    }

    private static void names(List<Change> changes, String what, List<String> a, List<String> b) {
        keyed(changes, what, byName(a, n -> n), byName(b, n -> n), (name, x, y) -> { }, x -> null);
    }

    /** Images keyed by namespace and repository, so a new tag or digest reads as a change, not a swap. */
    private static void images(List<Change> changes, List<LockFile.Image> a, List<LockFile.Image> b) {
        Map<String, List<LockFile.Image>> before = byRepository(a);
        Map<String, List<LockFile.Image>> after = byRepository(b);
        keyed(changes, "image", before, after, (key, x, y) -> {
            if (x.size() == 1 && y.size() == 1) {
                field(changes, "image", key, "image", x.get(0).image(), y.get(0).image());
                if (Objects.equals(x.get(0).image(), y.get(0).image())) {
                    field(changes, "image", key, "digest", x.get(0).digest(), y.get(0).digest());
                }
                return;
            }
            // Several tags of one repository in a namespace: which became which is unknowable, so list each.
            x.stream().filter(i -> !y.contains(i)).forEach(i -> changes.add(new Change("image", key, Kind.removed,
                    null, shown(i), null)));
            y.stream().filter(i -> !x.contains(i)).forEach(i -> changes.add(new Change("image", key, Kind.added,
                    null, null, shown(i))));
        }, x -> x.stream().map(LockDrift::shown).collect(Collectors.joining(", ")));
    }

    private static String shown(LockFile.Image i) {
        return i.image() + (i.digest() == null ? "" : "@" + i.digest());
    }

    private static Map<String, List<LockFile.Image>> byRepository(List<LockFile.Image> images) {
        Map<String, List<LockFile.Image>> map = new TreeMap<>();
        images.stream().sorted(Comparator.comparing(LockFile.Image::image)).forEach(i -> map.computeIfAbsent(
                i.namespace() + "/" + i.repository(), k -> new ArrayList<>()).add(i));
        return map;
    }

    private interface Both<T> {
        void compare(String name, T locked, T now);
    }

    /** Each name of either side in order: removed, added, or compared field by field. */
    private static <T> void keyed(List<Change> changes, String what, Map<String, T> a, Map<String, T> b,
                                  Both<T> both, Function<T, String> summary) {
        TreeMap<String, Boolean> all = new TreeMap<>();
        a.keySet().forEach(k -> all.put(k, true));
        b.keySet().forEach(k -> all.put(k, true));
        for (String name : all.keySet()) {
            T x = a.get(name);
            T y = b.get(name);
            if (y == null) {
                changes.add(new Change(what, name, Kind.removed, null, summary.apply(x), null));
            } else if (x == null) {
                changes.add(new Change(what, name, Kind.added, null, null, summary.apply(y)));
            } else {
                both.compare(name, x, y);
            }
        }
    }

    private static void field(List<Change> changes, String what, String name, String field, String a, String b) {
        if (!Objects.equals(a, b)) {
            changes.add(new Change(what, name, Kind.changed, field, a, b));
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }
}
