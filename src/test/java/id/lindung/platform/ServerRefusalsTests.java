package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerRefusalsTests {

    @Test
    void aRefusedRequestIsCalledInvalidInBothLanguages() {
        assertThat(ServerRefusals.Answer.page(400)).contains("Permintaan tidak valid (400)", "Bad request").doesNotContain("Tomcat");
    }

    @Test
    void aFailureOfTheServerIsNotBlamedOnTheRequest() {
        assertThat(ServerRefusals.Answer.page(500)).contains("Terjadi kesalahan (500)", "The server could not answer")
                .doesNotContain("tidak valid", "Bad request");
    }

    @Test
    void theRequestLineIsReadForTheApiPrefixWhenTomcatKeptNoAddress() {
        assertThat(ServerRefusals.Answer.startsWithApi(java.nio.ByteBuffer.wrap("GET /api/v1/x\u00ff HTTP/1.1".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1)))).isTrue();
        assertThat(ServerRefusals.Answer.startsWithApi(java.nio.ByteBuffer.wrap("GET /pekerja\u00ff HTTP/1.1".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1)))).isFalse();
    }
}
