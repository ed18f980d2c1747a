package com.sikifanso.doctor;

import com.sikifanso.agents.llm.LocalModels;
import com.sikifanso.agents.llm.ToolCallCheck;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.kube.LiveCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per local model the LiteLLM gateway serves (when it is enabled and the cluster runs): whether it answers a
 * tiny tool-calling request with a correct call, since agents and the AI operator work only through tools.
 */
public final class LocalModelChecks {
    private final LocalModels models;
    private final LiveCluster live;

    public LocalModelChecks(LocalModels models, LiveCluster live) {
        this.models = models;
        this.live = live;
    }

    /** The report with a row per local model added; the same report when there is none to ask. */
    public DoctorReport addTo(DoctorReport report, ClusterName cluster, Path gitOps) {
        List<LocalModels.LocalModel> local;
        try {
            local = LocalModels.in(gitOps);
        } catch (SikifansoException e) {
            return report;   // the repo's own rows already say what is wrong with it
        }
        if (local.isEmpty() || !live.running(cluster)) {
            return report;
        }
        List<CheckResult> checks = new ArrayList<>(report.checks());
        local.forEach(m -> checks.add(check(cluster, m)));
        return DoctorReport.of(checks);
    }

    private CheckResult check(ClusterName cluster, LocalModels.LocalModel model) {
        String row = "Model " + model.name() + " tools";
        try {
            ToolCallCheck.Result r = models.check(cluster, List.of(model)).getFirst();
            if (r.callsTools()) {
                return CheckResult.pass(row, model.upstream() + " calls tools");
            }
            return CheckResult.fail(row, model.upstream() + " cannot call tools", r.sentence(),
                    ToolCallCheck.Result.fix(LocalModels.VALUES));
        } catch (SikifansoException e) {
            return CheckResult.warn(row, "not checked", "cannot ask the gateway: " + e.getMessage(), e.fix());
        }
    }
}
