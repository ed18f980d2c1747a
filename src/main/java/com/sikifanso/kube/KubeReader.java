package com.sikifanso.kube;

import com.sikifanso.core.ClusterName;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Read-only views of a running cluster's workloads, masked and within an output budget. */
public final class KubeReader {
    private final LiveCluster live;

    public KubeReader(SessionStore sessions, KubeClients clients) {
        this.live = new LiveCluster(sessions, clients);
    }

    public record PodRow(String name, String phase, String ready, int restarts, String node, Instant created) {
    }

    public record ServiceRow(String name, String type, String clusterIP, List<String> ports) {
    }

    public record EventRow(Instant time, String type, String reason, String object, String message) {
    }

    public record Logs(String pod, String container, List<String> lines, int total, boolean truncated,
                       String note) {
    }

    public List<PodRow> pods(ClusterName cluster, String namespace) {
        return read(cluster, kube -> kube.pods().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .map(KubeReader::podRow).toList());
    }

    public List<ServiceRow> services(ClusterName cluster, String namespace) {
        return read(cluster, kube -> kube.services().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .map(KubeReader::serviceRow).toList());
    }

    public List<EventRow> events(ClusterName cluster, String namespace, int limit) {
        return read(cluster, kube -> {
            List<EventRow> rows = kube.v1().events().inNamespace(namespace).list().getItems().stream()
                    .map(KubeReader::eventRow)
                    .sorted(Comparator.comparing(EventRow::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            return rows.subList(Math.max(0, rows.size() - limit), rows.size());
        });
    }

    /** The pod's recent log lines, secrets masked, optionally since a time and matching a pattern. */
    public Logs logs(ClusterName cluster, String namespace, String pod, String container, Duration since, String grep,
                     OutputBudget budget) {
        Pattern filter = compile(grep);
        return read(cluster, kube -> {
            PodResource resource = kube.pods().inNamespace(namespace).withName(pod);
            Pod found = resource.get();
            if (found == null) {
                throw SikifansoException.failure("no pod \"" + pod + "\" in namespace " + namespace,
                        "list them with the kube_pods tool or: kubectl get pods -n " + namespace);
            }
            String c = container != null ? container : found.getSpec().getContainers().get(0).getName();
            var query = resource.inContainer(c);
            String text = since == null ? query.tailingLines(budget.maxLines() * 10).getLog()
                    : query.sinceSeconds((int) since.toSeconds()).getLog();
            List<String> lines = (text == null ? "" : text).lines()
                    .filter(l -> filter == null || filter.matcher(l).find())
                    .map(Redactor::mask)
                    .toList();
            OutputBudget.Kept kept = budget.keepLast(lines,
                    "narrow it with since or grep, or raise lines (up to 2000)");
            return new Logs(pod, c, kept.lines(), kept.total(), kept.truncated(), kept.note());
        });
    }

    private static Pattern compile(String grep) {
        if (grep == null || grep.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(grep);
        } catch (PatternSyntaxException e) {
            throw SikifansoException.usage("grep \"" + grep + "\" is not a valid regular expression: "
                    + e.getDescription(), "use a plain word, or a Java regular expression");
        }
    }

    private <T> T read(ClusterName cluster, Function<KubernetesClient, T> query) {
        try (KubernetesClient kube = live.kube(cluster)) {
            return query.apply(kube);
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    private static PodRow podRow(Pod p) {
        List<ContainerStatus> statuses = p.getStatus() == null || p.getStatus().getContainerStatuses() == null
                ? List.of() : p.getStatus().getContainerStatuses();
        long ready = statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        int containers = p.getSpec() == null ? statuses.size() : p.getSpec().getContainers().size();
        return new PodRow(p.getMetadata().getName(), p.getStatus() == null ? null : p.getStatus().getPhase(),
                ready + "/" + containers, restarts, p.getSpec() == null ? null : p.getSpec().getNodeName(),
                instant(p.getMetadata().getCreationTimestamp()));
    }

    private static ServiceRow serviceRow(Service s) {
        List<String> ports = s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts().stream()
                .map(p -> p.getPort() + (p.getNodePort() == null ? "" : ":" + p.getNodePort()) + "/"
                        + (p.getProtocol() == null ? "TCP" : p.getProtocol()))
                .toList();
        return new ServiceRow(s.getMetadata().getName(), s.getSpec().getType(), s.getSpec().getClusterIP(), ports);
    }

    static EventRow eventRow(Event e) {
        String time = e.getLastTimestamp() != null ? e.getLastTimestamp()
                : e.getEventTime() != null ? e.getEventTime().getTime() : e.getMetadata().getCreationTimestamp();
        String object = e.getInvolvedObject() == null ? null
                : e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName();
        return new EventRow(instant(time), e.getType(), e.getReason(), object, Redactor.mask(e.getMessage()));
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
