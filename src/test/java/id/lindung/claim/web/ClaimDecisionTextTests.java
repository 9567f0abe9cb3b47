package id.lindung.claim.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.claim.ClaimCase;
import id.lindung.platform.ProblemLanguage;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A passed check reads in Indonesian with the status, date and limit its English sentence names, as the case page, the
 * case file (PDF) and the API answer say it: until the leftovers of 7 December 2026 "JKK was PROTECTED on 2026-03-01"
 * read "Terlindungi program ini pada tanggal kejadian." with neither the status nor the date.
 */
class ClaimDecisionTextTests {

    private static ClaimDecisionText texts() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "i18n/billing");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new ClaimDecisionText(source, new ProblemLanguage(source));
    }

    private static String passed(String code, String english, String language) {
        return texts().of(new ClaimCase.Decision(code, true, english, ClaimCase.Effect.REFUSES_CASE), Locale.forLanguageTag(language));
    }

    @Test
    void aPassedCheckNamesTheStatusAndDateItsEnglishSentenceNames() {
        assertThat(passed("NOT_PROTECTED_ON_INCIDENT_DATE", "JKK was PROTECTED on 2026-03-01", "id"))
                .isEqualTo("JKK melindungi pekerja pada tanggal kejadian 2026-03-01 (status terlindungi).");
        assertThat(passed("NOT_PROTECTED_ON_INCIDENT_DATE", "JKM was IN_GRACE on 2026-03-01", "en"))
                .isEqualTo("Status of JKM on the incident date 2026-03-01: not yet due.");
        // the status in the words of the protection page, never its code (EveryPageSpeaksItsLanguageIntegrationTests)
        assertThat(passed("NOT_PROTECTED_ON_INCIDENT_DATE", "JKM was IN_GRACE on 2026-03-01", "id"))
                .isEqualTo("JKM melindungi pekerja pada tanggal kejadian 2026-03-01 (status belum jatuh tempo).");
        assertThat(passed("INCIDENT_BEFORE_MEMBERSHIP", "The incident is within the membership (from 2020-01-01)", "id"))
                .isEqualTo("Kejadian dalam masa kepesertaan (sejak 2020-01-01).");
        assertThat(passed("PROGRAMME_NOT_HELD", "The worker holds JKK", "id")).isEqualTo("Pekerja ikut program JKK untuk kasus ini.");
        assertThat(passed("REPORTED_LATE", "Reported within 30 days", "id")).isEqualTo("Dilaporkan dalam batas waktu 30 hari.");
        assertThat(passed("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT", "3 years of membership reached on 2023-05-01", "id"))
                .isEqualTo("Masa kepesertaan 3 tahun untuk beasiswa tercapai pada 2023-05-01.");
        assertThat(passed("SCHOLARSHIP_CHILD_LIMIT", "At most 2 children, each under 23", "id"))
                .isEqualTo("Paling banyak 2 anak penerima beasiswa, masing-masing di bawah 23 tahun.");
    }

    @Test
    void aPassedCheckThatNamesNothingReadsAsItsCodesText() {
        assertThat(passed("INCIDENT_IN_FUTURE", "The incident date is not in the future", "id")).isEqualTo("Tanggal kejadian sudah lewat.");
        assertThat(passed("CASE_ALREADY_OPEN", "No other case for this death or incident", "en")).isEqualTo("No same claim for this worker.");
    }
}
