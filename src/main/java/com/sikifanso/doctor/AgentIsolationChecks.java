package com.sikifanso.doctor;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.probe.AgentProbe;
import com.sikifanso.agents.probe.ProbeReport;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import java.util.ArrayList;
import java.util.List;

/** {@code cluster doctor --probe-agents}: one row per agent, from its probe, with the mismatches and their cause. */
public final class AgentIsolationChecks {
    private final AgentService agents;
    private final AgentProbe probe;

    public AgentIsolationChecks(AgentService agents, AgentProbe probe) {
        this.agents = agents;
        this.probe = probe;
    }

    /** The doctor's report with a row per agent added. */
    public DoctorReport addTo(DoctorReport report, ClusterName cluster, AgentProbe.Options options,
                              Progress progress) {
        List<CheckResult> checks = new ArrayList<>(report.checks());
        for (AgentService.Agent agent : agents.list(cluster)) {
            checks.add(check(cluster, agent.name(), options, progress));
        }
        return DoctorReport.of(checks);
    }

    private CheckResult check(ClusterName cluster, String agent, AgentProbe.Options options, Progress progress) {
        String row = "Agent " + agent + " isolation";
        try {
            ProbeReport r = probe.probe(cluster, agent, options, progress);
            String tried = (r.rows().size() - r.table().skipped()) + " destinations as its policy says"
                    + (r.table().skipped() > 0 ? " (" + r.table().skipped() + " not tried)" : "");
            if (r.passed()) {
                return CheckResult.pass(row, tried);
            }
            List<String> differ = r.rows().stream().filter(x -> !x.matches()
                            && x.observed() != com.sikifanso.agents.probe.ProbeScript.Observed.skipped)
                    .map(x -> x.destination() + " expected " + x.expected().name().toLowerCase() + ", observed "
                            + x.observed().name().replace('_', ' ')).toList();
            return CheckResult.fail(row, r.mismatches() + " mismatch(es)", Hint.of(String.join("; ", differ)
                    + ". Cause: ", Hint.join("; ", r.table().causes())), Hint.of("see the table: ",
                    Suggestion.of("agent", "probe").arg("name", agent)));
        } catch (SikifansoException e) {
            return CheckResult.fail(row, "probe failed", e.problem(), e.fix());
        }
    }
}
