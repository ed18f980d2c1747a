package com.sikifanso.agents.probe;

import com.sikifanso.agents.probe.Destination.Expect;
import com.sikifanso.agents.probe.ProbeScript.Observed;
import java.util.List;
import java.util.Map;

/**
 * What a probe found: whether every destination behaved as the policy says, and the table behind it. The table is
 * one object so the tool's listed output schema stays two fields (tools/list outlines nested objects).
 *
 * @param passed no row mismatched (skipped rows are neither)
 */
public record ProbeReport(boolean passed, Table table) {

    /**
     * @param mismatches rows whose observation differs from the policy
     * @param causes when something mismatched, what in the cluster explains it (policy not applied, Cilium not ready),
     *        naming the command that shows more in each surface's words
     */
    public record Table(String agent, String pod, String image, int mismatches, int skipped, List<Row> rows,
                        List<com.sikifanso.core.Hint> causes) {
    }

    /** One destination: expected {@code reach} or {@code blocked}, observed, and the policy rule that decides. */
    public record Row(String destination, String address, Expect expected, Observed observed, boolean matches,
                      String rule, String detail) {
    }

    public List<Row> rows() {
        return table.rows();
    }

    public String agent() {
        return table.agent();
    }

    public int mismatches() {
        return table.mismatches();
    }

    static ProbeReport of(String agent, String pod, String image, List<ProbeTarget> targets,
                          Map<String, ProbeScript.Outcome> outcomes) {
        List<Row> rows = targets.stream().map(t -> row(t, outcomes.get(t.id()))).toList();
        int mismatches = (int) rows.stream().filter(r -> !r.matches() && r.observed() != Observed.skipped).count();
        int skipped = (int) rows.stream().filter(r -> r.observed() == Observed.skipped).count();
        return new ProbeReport(mismatches == 0, new Table(agent, pod, image, mismatches, skipped, rows, List.of()));
    }

    private static Row row(ProbeTarget t, ProbeScript.Outcome outcome) {
        Destination d = t.destination();
        if (!t.tried()) {
            return new Row(d.what(), t.address(), d.expected(), Observed.skipped, false, d.rule(), t.skipped());
        }
        if (outcome == null) {
            return new Row(d.what(), t.address(), d.expected(), Observed.not_reported, false, d.rule(),
                    "the probe printed no result for " + t.id());
        }
        boolean matches = d.expected() == Expect.REACH
                ? outcome.observed() == Observed.connected || outcome.observed() == Observed.resolved
                : !outcome.observed().reached();
        return new Row(d.what(), t.address(), d.expected(), outcome.observed(), matches, d.rule(), outcome.detail());
    }

    ProbeReport withCauses(List<com.sikifanso.core.Hint> found) {
        return new ProbeReport(passed, new Table(table.agent(), table.pod(), table.image(), table.mismatches(),
                table.skipped(), table.rows(), passed ? List.of() : List.copyOf(found)));
    }
}
