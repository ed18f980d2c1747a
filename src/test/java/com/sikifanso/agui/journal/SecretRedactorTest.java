package com.sikifanso.agui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiJson;
import org.junit.jupiter.api.Test;

/** What the journal masks in an event, as {@code sikifanso events} then shows it. */
class SecretRedactorTest {
    @Test
    void aValueNamedLikeASecretIsMaskedWholeButAFlagStaysReadable() throws Exception {
        ObjectNode event = (ObjectNode) AguiJson.MAPPER.readTree("""
                {"type":"TOOL_CALL_RESULT","messageId":"m","toolCallId":"t","content":"done",
                 "result":{"includesSecrets":true,"password":1234,"apiToken":"abc","secretRef":{"name":"x"},
                           "tokens":7,"revealSecrets":false}}""");
        ObjectNode delta = (ObjectNode) AguiJson.MAPPER.readTree("""
                {"type":"TOOL_CALL_ARGS","toolCallId":"t","delta":"{\\"cluster\\":\\"lab\\",\\"includeSecrets\\":true}"}""");

        new SecretRedactor().redact(event);
        new SecretRedactor().redact(delta);

        assertThat(event.path("result").toString()).isEqualTo("{\"includesSecrets\":true,\"password\":\"****\","
                + "\"apiToken\":\"****\",\"secretRef\":\"****\",\"tokens\":7,\"revealSecrets\":false}");
        assertThat(AguiJson.MAPPER.readTree(delta.path("delta").asText()).path("includeSecrets").asBoolean())
                .as("the arguments are still JSON, the flag as given").isTrue();
    }
}
