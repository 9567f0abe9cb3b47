package id.lindung.claim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A case stored as rejected by the benefit calculator's code reads in the page's language, not as the bare code. */
class ClaimReasonTextTests {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aCalculatorsRejectionCodeReadsAsTheSimulationsTextInEitherLanguage() {
        String reason = "INCIDENT_BEFORE_MEMBERSHIP, JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM";
        assertThat(ClaimCasePage.reasonText(reason, messages(), Locale.forLanguageTag("id")))
                .isEqualTo("Kejadian sebelum kepesertaan dimulai. "
                        + "Bulan iuran dalam periode sebelum kehilangan pekerjaan kurang dari minimum JKP.");
        assertThat(ClaimCasePage.reasonText(reason, messages(), Locale.ENGLISH))
                .isEqualTo("The incident is before the membership began. "
                        + "Fewer contribution months in the period before the job loss than JKP needs.");
    }

    @Test
    void aReasonAPersonTypedIsShownAsTyped() {
        assertThat(ClaimCasePage.reasonText("Dokumen palsu", messages(), Locale.ENGLISH)).isEqualTo("Dokumen palsu");
    }
}
