package com.sikifanso.cluster;

import java.nio.charset.StandardCharsets;

/**
 * The script every node runs before k3s, written into the created container before it starts:
 * what Cilium needs from a node inside Docker, which users of plain k3d do by hand.
 */
public final class EntrypointWrapper {
    public static final String PATH = "/bin/sikifanso-entrypoint.sh";
    /** The k3s image's own entrypoint, which the wrapper hands over to. */
    public static final String K3S = "/bin/k3s";

    static final String SCRIPT = """
            #!/bin/sh
            # Written by sikifanso into this node before it started; runs before k3s.
            set -u
            log() { echo "sikifanso-entrypoint: $*" >&2; }

            # Cilium mounts bpffs and cgroup2 with bidirectional propagation, which needs / shared.
            mount --make-rshared / || log "could not make / rshared; Cilium's mounts may fail"

            # cgroup v2: with docker-init as PID 1, k3s does not empty the root cgroup itself, and
            # controllers cannot be delegated while processes sit there. Move them to a leaf first.
            if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
              mkdir -p /sys/fs/cgroup/init
              for pid in $(cat /sys/fs/cgroup/cgroup.procs); do
                echo "$pid" > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || true
              done
              for controller in $(cat /sys/fs/cgroup/cgroup.controllers); do
                echo "+$controller" > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null \\
                  || log "could not enable cgroup controller $controller"
              done
            fi

            exec %s "$@"
            """.formatted(K3S);

    private EntrypointWrapper() {
    }

    /** A tar holding the script at {@link #PATH}, executable, for {@code PUT /containers/{id}/archive?path=/}. */
    static byte[] tar() {
        return Tars.singleFile(PATH, SCRIPT.getBytes(StandardCharsets.UTF_8), 0755);
    }
}
