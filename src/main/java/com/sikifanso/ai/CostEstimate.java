package com.sikifanso.ai;

import java.util.Optional;

/**
 * A run's cost in US dollars at the Claude family's list prices per million tokens (input, output; cache writes at
 * 1.25 times input, cache reads at 0.1 times), for the user to see what a question cost. An estimate: an unknown
 * model (a local one through LiteLLM) has none, and the invoice is what counts.
 */
public final class CostEstimate {
    private CostEstimate() {
    }

    public static Optional<Double> usd(String model, Usage usage) {
        return prices(model).map(p -> (usage.input() * p[0] + usage.cacheWrite() * p[0] * 1.25
                + usage.cacheRead() * p[0] * 0.1 + usage.output() * p[1]) / 1_000_000.0);
    }

    /** Input and output dollars per million tokens. */
    private static Optional<double[]> prices(String model) {
        String m = model.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("haiku")) {
            return Optional.of(new double[] {1, 5});
        }
        if (m.contains("sonnet")) {
            return Optional.of(new double[] {3, 15});
        }
        if (m.contains("opus-4-0") || m.contains("opus-4-1") || m.equals("claude-opus-4")) {
            return Optional.of(new double[] {15, 75});
        }
        if (m.contains("opus")) {
            return Optional.of(new double[] {5, 25});
        }
        return Optional.empty();
    }
}
