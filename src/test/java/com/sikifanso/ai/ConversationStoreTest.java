package com.sikifanso.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored conversation behind {@code ai --continue}, on real files: what a damaged one says, and two sessions. */
class ConversationStoreTest {
    @TempDir
    Path cluster;

    private Path file() {
        return cluster.resolve(ConversationStore.FILE);
    }

    private static Conversation exchange(String question, String answer) {
        Conversation conversation = new Conversation();
        conversation.user(question);
        conversation.assistant(Mappers.JSON.createArrayNode().add(Mappers.JSON.createObjectNode().put("type", "text")
                .put("text", answer)));
        return conversation;
    }

    @Test
    void aConversationFileOfTheWrongShapeIsRefusedNamingWhatIsWrongAndTheWayOut() throws IOException {
        Files.writeString(file(), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertRefused("message 1 is not a user or assistant turn with a content array");

        Files.writeString(file(), "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]},"
                + "{\"role\":\"assistant\",\"content\":[\"b\"]}]}");
        assertRefused("message 2 has a content block without a type");

        Files.writeString(file(), "{\"messages\":[1]}");
        assertRefused("message 1 is not a user or assistant turn");

        Files.writeString(file(), "{\"threadId\":\"lab\"}");
        assertRefused("it has no \"messages\" array");

        Files.writeString(file(), "{\"messages\":[\n");
        assertRefused("it is not JSON at line 2, column 1 (Unexpected end-of-input");
    }

    private void assertRefused(String problem) {
        assertThatThrownBy(() -> new ConversationStore(cluster).load())
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).startsWith("cannot read the last conversation " + file() + ": "
                            + problem).doesNotContain("Source: REDACTED").hasLineCount(1);
                    assertThat(e.hint()).contains("without --continue");
                });
    }

    @Test
    void twoSessionsGoingOnFromOneConversationDoNotOverwriteEachOther() throws IOException {
        assertThat(new ConversationStore(cluster).save("lab", exchange("how is langfuse?", "Degraded."))).isTrue();
        ConversationStore first = new ConversationStore(cluster);
        ConversationStore second = new ConversationStore(cluster);
        Conversation firstGoesOn = first.load().orElseThrow().conversation();
        Conversation secondGoesOn = second.load().orElseThrow().conversation();
        firstGoesOn.user("and qdrant?");
        firstGoesOn.assistant(exchange("", "Healthy.").stored().get(1).path("content").deepCopy());
        secondGoesOn.user("and valkey?");
        secondGoesOn.assistant(exchange("", "Missing.").stored().get(1).path("content").deepCopy());

        assertThat(first.save("lab", firstGoesOn)).isTrue();
        assertThat(second.save("lab", secondGoesOn)).as("the first one's exchange is kept, not replaced").isFalse();

        assertThat(Files.readString(file())).contains("and qdrant?").doesNotContain("and valkey?");
        firstGoesOn.user("and ollama?");
        firstGoesOn.assistant(exchange("", "Unknown.").stored().get(1).path("content").deepCopy());
        assertThat(first.save("lab", firstGoesOn)).as("a session saves over what it wrote itself").isTrue();
        assertThat(new ConversationStore(cluster).save("lab", exchange("new topic", "ok")))
                .as("a new conversation started later replaces it, as --help says").isTrue();
        assertThat(Files.readString(file())).contains("new topic").doesNotContain("and qdrant?");
    }
}
