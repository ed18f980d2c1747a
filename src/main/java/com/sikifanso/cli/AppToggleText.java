package com.sikifanso.cli;

import com.sikifanso.catalog.AppService;
import com.sikifanso.cli.render.Output;

/** The human text of an enable or disable result. */
final class AppToggleText {
    private AppToggleText() {
    }

    static String enabled(AppService.ToggleResult r, Output out) {
        if (r.commit().isEmpty()) {
            return String.join(", ", r.requested()) + (r.requested().size() == 1 ? " is" : " are")
                    + " already enabled.\n";
        }
        StringBuilder s = new StringBuilder();
        if (!r.autoEnabled().isEmpty()) {
            s.append("auto-enabled dependencies: ").append(String.join(", ", r.autoEnabled())).append('\n');
        }
        s.append("enabled: ").append(out.green(String.join(", ", r.changed())))
                .append(" (commit ").append(r.commit().get(), 0, 7).append(")\n");
        return s.toString();
    }

    static String disabled(AppService.ToggleResult r, Output out) {
        if (r.commit().isEmpty()) {
            return r.requested().get(0) + " is already disabled.\n";
        }
        return "disabled: " + out.bold(r.changed().get(0)) + " (commit " + r.commit().get().substring(0, 7) + ")\n";
    }
}
