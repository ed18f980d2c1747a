package com.sikifanso.agui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agui.AguiEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading someone else's AG-UI stream: SSE framing as the standard has it, and events this side does not model. */
class ForeignStreamTest {
    private static List<String> frames(String text) throws IOException {
        List<String> out = new ArrayList<>();
        SseFrames.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    @Test
    void framesJoinDataLinesSkipCommentsAndOtherFieldsAndDropAnUnfinishedLastOne() throws IOException {
        assertThat(frames(": keep-alive\n\nid: 7\nevent: message\ndata: {\"a\":\ndata:1}\n\r\ndata:x\r\n\r\n"
                + "retry: 10\ndata: unfinished")).containsExactly("{\"a\":\n1}", "x");
    }

    @Test
    void anUnknownTypeOrAnEventItsSchemaRefusesIsKeptAsRaw() {
        assertThat(ForeignEvents.decode("{\"type\":\"AGENT_MOOD\",\"mood\":\"ok\"}", "src"))
                .isEqualTo(new AguiEvent.Raw(com.sikifanso.agui.AguiJson.MAPPER.createObjectNode().put("type",
                        "AGENT_MOOD").put("mood", "ok"), "src", null));
        assertThat(ForeignEvents.decode("{\"type\":\"TOOL_CALL_RESULT\",\"toolCallId\":\"t\",\"role\":\"user\"}", "s"))
                .isInstanceOf(AguiEvent.Raw.class);
    }

    @Test
    void dataThatIsNotJsonIsKeptAsRawText() {
        AguiEvent e = ForeignEvents.decode("{not json", "http://agent/agui");
        assertThat(e).isInstanceOf(AguiEvent.Raw.class);
        assertThat(((AguiEvent.Raw) e).event().asText()).isEqualTo("{not json");
        assertThat(((AguiEvent.Raw) e).source()).isEqualTo("http://agent/agui");
        assertThat(ForeignEvents.decode("[1,2]", "s")).isInstanceOf(AguiEvent.Raw.class);
    }

    @Test
    void aKnownEventKeepsItsFieldsAndDropsUnknownOnes() {
        assertThat(ForeignEvents.decode("{\"type\":\"TEXT_MESSAGE_CONTENT\",\"messageId\":\"m\",\"delta\":\"hi\","
                + "\"extra\":1}", "s")).isEqualTo(new AguiEvent.TextMessageContent("m", "hi", null));
    }
}
