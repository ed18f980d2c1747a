package com.sikifanso.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import org.junit.jupiter.api.Test;

/** The {@code sikifanso.io/agui: "<port>/<path>"} contract, and the API server proxy path it becomes. */
class AguiEndpointTest {
    @Test
    void aPortAndAPathBecomeTheServiceOrPodProxyPath() {
        assertThat(AguiEndpoint.parse("services", "agent-bob", "bot", "8000/agui/events").proxyPath())
                .isEqualTo("/api/v1/namespaces/agent-bob/services/bot:8000/proxy/agui/events");
        assertThat(AguiEndpoint.parse("pods", "agent-bob", "bot-1", " 8080/ ").proxyPath())
                .isEqualTo("/api/v1/namespaces/agent-bob/pods/bot-1:8080/proxy/");
        assertThat(AguiEndpoint.parse("pods", "agent-bob", "bot-1", "8080//stream").path()).isEqualTo("stream");
    }

    @Test
    void anythingElseIsRefusedNamingTheOwnerAndTheForm() {
        for (String bad : new String[] {"agui", "8000", "0/agui", "65536/agui", "http://x:8000/agui", "8000/a b",
            "8000/../x", "8000/a/..", "8000/./x", "8000/a/%2e%2e/x", "8000/x?y"}) {
            assertThatThrownBy(() -> AguiEndpoint.parse("services", "agent-bob", "bot", bad)).as(bad)
                    .isInstanceOf(SikifansoException.class)
                    .hasMessageContaining("Service agent-bob/bot has sikifanso.io/agui: \"" + bad + "\"")
                    .satisfies(e -> assertThat(((SikifansoException) e).hint())
                            .contains("\"<port>/<path>\", e.g. \"8000/agui\""));
        }
    }
}
