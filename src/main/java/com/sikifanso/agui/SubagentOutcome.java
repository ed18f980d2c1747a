package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Why a subagent's segment of a run ended ({@code SubagentFinishedOutcomeSchema}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SubagentOutcome.Success.class), @JsonSubTypes.Type(SubagentOutcome.Suspended.class)})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public sealed interface SubagentOutcome {

    @JsonTypeName("success")
    record Success() implements SubagentOutcome {
    }

    @JsonTypeName("suspended")
    record Suspended(List<String> interruptIds) implements SubagentOutcome {
    }
}
