package com.sikifanso.server;

import com.sikifanso.ai.OperatorSession;

/**
 * The AI operator for a cluster, for {@code POST /api/agui/run} requests that carry a conversation; throws a
 * {@link com.sikifanso.core.SikifansoException} when it cannot be had (no API key).
 */
@FunctionalInterface
public interface OperatorSessions {
    OperatorSession open(String cluster);
}
