package com.sikifanso.ops;

import com.sikifanso.core.Table;
import com.sikifanso.kube.KubeReader;
import com.sikifanso.kube.OutputBudget;
import java.time.Duration;
import java.util.List;

/** Read-only views of workloads; logs and events are masked and capped. */
final class KubeOps {
    private KubeOps() {
    }

    record NamespaceRef(@Param(Param.CLUSTER) String cluster,
                        @Param("Kubernetes namespace, e.g. agent-researcher or observability") String namespace)
            implements ClusterScoped {
    }

    record EventsInput(@Param(Param.CLUSTER) String cluster,
                       @Param("Kubernetes namespace") String namespace,
                       @Param(value = "Most recent events to return", defaultValue = "50", max = 500) int lines)
            implements ClusterScoped {
    }

    record LogsInput(@Param(Param.CLUSTER) String cluster,
                     @Param("Kubernetes namespace") String namespace,
                     @Param("Pod name (see kube_pods)") String pod,
                     @Param(value = "Container; defaults to the pod's first", optional = true) String container,
                     @Param(value = "Most recent lines to return (output is also capped at 16 KB)",
                             defaultValue = "200", max = 2000) int lines,
                     @Param(value = "Only lines newer than this, e.g. 10m or 1h", optional = true) String since,
                     @Param(value = "Only lines matching this regular expression", optional = true) String grep)
            implements ClusterScoped {
    }

    record Pods(List<KubeReader.PodRow> pods) {
    }

    record Services(List<KubeReader.ServiceRow> services) {
    }

    record Events(List<KubeReader.EventRow> events) {
    }

    static List<Operation<?, ?>> all() {
        return List.of(
                Operation.of("kube_pods", "List the pods of a namespace with phase, readiness and restarts.",
                        Toolset.kube, Safety.READ, NamespaceRef.class, Pods.class,
                        (in, ctx) -> new Pods(ctx.services().kube().pods(in.clusterName(), in.namespace())),
                        out -> {
                            Table t = new Table("NAME", "PHASE", "READY", "RESTARTS", "NODE");
                            out.pods().forEach(p -> t.row(p.name(), p.phase(), p.ready(), p.restarts(), p.node()));
                            return out.pods().isEmpty() ? "No pods." : t.render();
                        }),
                Operation.of("kube_services", "List the services of a namespace with type, cluster IP and ports.",
                        Toolset.kube, Safety.READ, NamespaceRef.class, Services.class,
                        (in, ctx) -> new Services(ctx.services().kube().services(in.clusterName(), in.namespace())),
                        out -> {
                            Table t = new Table("NAME", "TYPE", "CLUSTER-IP", "PORTS");
                            out.services().forEach(s -> t.row(s.name(), s.type(), s.clusterIP(),
                                    String.join(",", s.ports())));
                            return out.services().isEmpty() ? "No services." : t.render();
                        }),
                Operation.of("kube_events", "Recent events of a namespace, oldest first; credentials in messages are "
                                + "masked.",
                        Toolset.kube, Safety.READ, EventsInput.class, Events.class,
                        (in, ctx) -> new Events(ctx.services().kube().events(in.clusterName(), in.namespace(),
                                Math.max(1, Math.min(in.lines(), 500)))),
                        out -> {
                            Table t = new Table("TIME", "TYPE", "REASON", "OBJECT", "MESSAGE");
                            out.events().forEach(e -> t.row(e.time(), e.type(), e.reason(), e.object(), e.message()));
                            return out.events().isEmpty() ? "No events." : t.render();
                        }),
                Operation.of("kube_logs", "Recent log lines of a pod, credentials masked, within a budget (200 lines "
                                + "/ 16 KB by default); says when it cut and how to get more.",
                        Toolset.kube, Safety.READ, LogsInput.class, KubeReader.Logs.class,
                        (in, ctx) -> ctx.services().kube().logs(in.clusterName(), in.namespace(), in.pod(),
                                in.container(), LogWindow.since(in.since()), in.grep(),
                                new OutputBudget(Math.max(1, Math.min(in.lines(), 2000)), 16 * 1024)),
                        out -> String.join("\n", out.lines()) + (out.note() == null ? "" : "\n[" + out.note() + "]")));
    }
}
