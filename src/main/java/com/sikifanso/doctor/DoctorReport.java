package com.sikifanso.doctor;

import java.util.List;

/** Every check's result, in a stable order, with how many passed, warned and failed. */
public record DoctorReport(List<CheckResult> checks, Summary summary) {

    public record Summary(int pass, int warn, int fail) {
    }

    public static DoctorReport of(List<CheckResult> checks) {
        int pass = 0;
        int warn = 0;
        int fail = 0;
        for (CheckResult c : checks) {
            switch (c.status()) {
                case PASS -> pass++;
                case WARN -> warn++;
                case FAIL -> fail++;
            }
        }
        return new DoctorReport(List.copyOf(checks), new Summary(pass, warn, fail));
    }

    public boolean failed() {
        return summary.fail() > 0;
    }
}
