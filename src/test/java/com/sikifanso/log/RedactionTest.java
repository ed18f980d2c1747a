package com.sikifanso.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines as Jetty's parser and httpclient write them at debug, with the credential taken out. */
class RedactionTest {
    private static final String TOKEN = "VXLflq3xQ2p-Zk8_abcdefghijklmnopqrstuvwxyz012";

    @Test
    void authorizationHeadersInEveryShapeLibrariesPrintThem() {
        for (String line : new String[] {
            "parsedHeader(Authorization: Bearer " + TOKEN + " header=Authorization",
            "HEADER:IN_VALUE --> FIELD(Authorization: Bearer " + TOKEN,
            "http-outgoing-0 >> Authorization: Basic " + TOKEN,
            "headers={authorization=" + TOKEN + ", host=x}",
            "Proxy-Authorization: " + TOKEN,
            "valueString=[Bearer " + TOKEN + "]",
            "POST /mcp?access_token=" + TOKEN + "\\r\\nHost: 127.0.0.1",
        }) {
            String redacted = Redaction.apply(line);
            assertThat(redacted).as(line).doesNotContain(TOKEN).contains(Redaction.MASK);
        }
        assertThat(Redaction.apply("POST /mcp?token=" + TOKEN + "\\r\\nHost: 127.0.0.1"))
                .as("what follows the token stays").endsWith("\\r\\nHost: 127.0.0.1");
    }

    @Test
    void aSecretThisProcessHoldsIsMaskedAnywhere() {
        String password = "s3cret-Passw0rd-for-redaction";
        Redaction.secret(password);

        assertThat(Redaction.apply("config {password=" + password + "}")).doesNotContain(password);
        assertThat(Redaction.apply("nothing secret here")).isEqualTo("nothing secret here");
    }
}
