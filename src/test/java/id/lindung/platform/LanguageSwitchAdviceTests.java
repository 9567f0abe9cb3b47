package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageSwitchAdviceTests {

    @Test
    void theSwitchKeepsThePageAndItsFilters() {
        assertThat(LanguageSwitchAdvice.switchHref("/tagihan", "month=2026-11&page=3", "en")).isEqualTo("/tagihan?month=2026-11&page=3&lang=en");
    }

    @Test
    void theSwitchReplacesAnEarlierLanguageInsteadOfAddingASecond() {
        assertThat(LanguageSwitchAdvice.switchHref("/wilayah/cari", "lang=en&q=loa%20duri", "id")).isEqualTo("/wilayah/cari?q=loa%20duri&lang=id");
        assertThat(LanguageSwitchAdvice.switchHref("/", null, "en")).isEqualTo("/?lang=en");
    }
}
