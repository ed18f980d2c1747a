package com.sikifanso.ops;

import com.sikifanso.core.GoDurations;
import java.time.Duration;

/** The one form log tools take a time window in: {@code since: "10m"}, as app_logs and kube_logs both do. */
final class LogWindow {
    private LogWindow() {
    }

    /** The window, or null when {@code since} is left out; refuses what is not a duration. */
    static Duration since(String since) {
        return since == null ? null : GoDurations.parse(since)
                .orElseThrow(() -> new InvalidArguments("since \"" + since + "\" is not a duration; write it "
                        + "like 30s, 10m or 1h"));
    }
}
