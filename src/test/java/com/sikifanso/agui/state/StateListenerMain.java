package com.sikifanso.agui.state;

import com.sikifanso.core.ClusterName;
import com.sikifanso.argocd.RunningLab;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate process listening to a cluster's state, as {@code sikifanso events -f} or the dashboard server will:
 * {@code HOME CLUSTER}; prints {@code listening PID} once open, closes the feed when stdin ends, then prints
 * {@code closed}.
 */
public final class StateListenerMain {
    private StateListenerMain() {
    }

    public static void main(String[] args) throws IOException {
        try (ClusterStateFeed feed = ClusterStateFeed.whileListening(RunningLab.cliServices(Path.of(args[0])), ClusterName.of(args[1]),
                StateFixtures.fast(Clock.systemUTC()))) {
            System.out.println("listening " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our stdin
            }
        }
        System.out.println("closed");
    }
}
