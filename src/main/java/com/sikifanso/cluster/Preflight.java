package com.sikifanso.cluster;

import com.sikifanso.core.Progress;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.sikifanso.core.SikifansoException;

/** Checks, before anything is created, that the Docker engine can carry a cluster. */
public final class Preflight {
    /** k3s, Cilium and Argo CD request about 1.5 GiB together; below 2 GiB pods stay Pending. */
    public static final long MINIMUM_MEMORY = 2L << 30;
    /** Docker 20.10 (API 1.41) is the first engine with cgroup namespaces per container. */
    static final String MINIMUM_API = "1.41";

    private final DockerEngine engine;
    private final long minimumMemory;

    public Preflight(DockerEngine engine, long minimumMemory) {
        this.engine = engine;
        this.minimumMemory = minimumMemory;
    }

    /** What the engine told us; the node layout depends on its cgroup version. */
    public record EngineFacts(String version, String apiVersion, int cgroupVersion, long memoryBytes) {
        public boolean cgroupV2() {
            return cgroupVersion == 2;
        }
    }

    public EngineFacts check(Progress progress) {
        progress.step("checking Docker at " + engine.host());
        Version version;
        Info info;
        try {
            engine.client().pingCmd().exec();
            version = engine.client().versionCmd().exec();
            info = engine.client().infoCmd().exec();
        } catch (SikifansoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw engine.unreachable(e);
        }
        String api = version.getApiVersion() == null ? "0" : version.getApiVersion();
        if (compareVersions(api, MINIMUM_API) < 0) {
            throw SikifansoException.failure("Docker " + version.getVersion() + " (API " + api + ") is too old:"
                    + " sikifanso needs Docker 20.10 (API " + MINIMUM_API + ") or newer",
                    "upgrade Docker Engine, or Docker Desktop, and retry");
        }
        long memory = info.getMemTotal() == null ? 0 : info.getMemTotal();
        if (memory > 0 && memory < minimumMemory) {
            throw SikifansoException.failure("Docker has " + gib(memory) + " of memory; a cluster needs at least "
                    + gib(minimumMemory),
                    "give Docker more memory (Docker Desktop: Settings > Resources > Memory) and retry");
        }
        int cgroup = "2".equals(info.getCGroupVersion()) ? 2 : 1;
        progress.note("Docker " + version.getVersion() + " (API " + api + ", cgroup v" + cgroup + ", "
                + gib(memory) + ")");
        return new EngineFacts(version.getVersion(), api, cgroup, memory);
    }

    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? parse(x[i]) : 0;
            int q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
