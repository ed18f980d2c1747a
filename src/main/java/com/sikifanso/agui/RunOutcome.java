package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Why a run ended without failing ({@code RunFinishedOutcomeSchema}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(RunOutcome.Success.class), @JsonSubTypes.Type(RunOutcome.Interrupted.class),
    @JsonSubTypes.Type(RunOutcome.Cancelled.class)})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public sealed interface RunOutcome {

    @JsonTypeName("success")
    record Success(List<String> pendingToolCallIds) implements RunOutcome {
    }

    /** Paused until the interrupts are answered; at least one. */
    @JsonTypeName("interrupt")
    record Interrupted(List<Interrupt> interrupts) implements RunOutcome {
        public Interrupted {
            if (interrupts == null || interrupts.isEmpty()) {
                throw new IllegalArgumentException("an interrupt outcome needs at least one interrupt");
            }
            interrupts = List.copyOf(interrupts);
        }
    }

    @JsonTypeName("cancelled")
    record Cancelled() implements RunOutcome {
    }

    /** Something a run needs from outside before it can continue ({@code InterruptSchema}). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Interrupt(String id, String reason, String message, String toolCallId) {
    }
}
