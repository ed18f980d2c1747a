package com.sikifanso.agents.llm;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.core.SikifansoException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --llm-budget AMOUNT[/PERIOD]}: US dollars an agent's LiteLLM key may spend, and how often that resets
 * (LiteLLM's {@code budget_duration}: seconds, minutes, hours, days, weeks or months, e.g. 30d, 1mo, as its
 * duration_in_seconds reads them); no period: never. {@value #NONE} removes the budget ({@code --no-llm-budget}).
 */
public record LlmBudget(BigDecimal amount, String period) {
    public static final String NONE = "none";
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,4})?)(?:/(\\d{1,4}(?:s|m|h|d|w|mo)))?");

    public static LlmBudget parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches() || new BigDecimal(m.group(1)).signum() <= 0) {
            Suggestion agent = Suggestion.of("agent", "update").arg("name", "NAME");
            throw SikifansoException.usage(Hint.of(agent.option("llmBudget", "B").mentionFlag(), " \"" + text
                    + "\" is not AMOUNT[/PERIOD]"), "give US dollars above 0, optionally per period: ",
                    agent.option("llmBudget", 10).mention(), " (never resets) or ", agent.option("llmBudget", "5/30d")
                            .mention(), " (periods in s, m, h, d, w or mo); ",
                    agent.flag("no-llm-budget", "llmBudget", "\"" + NONE + "\"").mention(), " removes it");
        }
        return new LlmBudget(new BigDecimal(m.group(1)), m.group(2));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + (period == null ? "" : "/" + period);
    }
}
