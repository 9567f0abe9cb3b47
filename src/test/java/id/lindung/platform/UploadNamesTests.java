package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Review of 2 December 2026: an upload is kept under its last path segment, whatever path the client sent. */
class UploadNamesTests {

    @Test
    void anUploadIsKeptUnderItsLastPathSegmentWithoutControlCharactersOrQuotes() {
        assertThat(UploadNames.of("..\\..\\etc/daftar.csv", 300, "list")).isEqualTo("daftar.csv");
        assertThat(UploadNames.of("C:\\Users\\x\\daftar \"1\".xlsx", 300, "list")).isEqualTo("daftar 1.xlsx");
        assertThat(UploadNames.of("a\r\nSet-Cookie: x.csv", 300, "list")).isEqualTo("aSet-Cookie: x.csv");
        assertThat(UploadNames.of("../..", 300, "list")).isEqualTo("list");
        assertThat(UploadNames.of("dir/", 300, "list")).isEqualTo("list");
        assertThat(UploadNames.of(null, 300, "list")).isEqualTo("list");
        assertThat(UploadNames.of("x".repeat(400) + ".csv", 300, "list")).hasSize(300).endsWith(".csv");
    }
}
