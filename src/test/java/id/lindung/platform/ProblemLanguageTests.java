package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The Indonesian texts of a problem name the kind of value a field takes in Indonesian, written as it reads. */
class ProblemLanguageTests {

    private static ProblemLanguage language() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("messages", "i18n/regulation", "i18n/registry", "i18n/importing", "i18n/billing");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return new ProblemLanguage(bundles);
    }

    private static String indonesian(String field, String english) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE", english,
                List.of(InputProblem.of(field, "INVALID_VALUE", english)));
        language().translate(problem, Locale.forLanguageTag("id"));
        return ((List<?>) problem.getProperties().get("errors")).get(0) instanceof InputProblem p ? p.message() : null;
    }

    @Test
    void aValueOfTheWrongKindNamesTheKindInIndonesian() {
        assertThat(indonesian("contact", "contact has the wrong type; expected an object {...}"))
                .isEqualTo("Nilai tidak sah untuk isian ini. Seharusnya objek {...}.");
        assertThat(indonesian("from", "from 'x' is not valid; expected a date YYYY-MM-DD"))
                .isEqualTo("Nilai tidak sah untuk isian ini. Seharusnya tanggal YYYY-MM-DD.");
        assertThat(indonesian("status", "status 'OPEN' is not valid; expected one of SAME_PERSON, DIFFERENT_PEOPLE"))
                .isEqualTo("Nilai tidak sah untuk isian ini. Pilihan: SAME_PERSON, DIFFERENT_PEOPLE.");
    }

    @Test
    void englishIsLeftAsWritten() {
        ProblemDetail problem = ApiProblems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Region 99 not found");
        language().translate(problem, Locale.ENGLISH);
        assertThat(problem.getDetail()).isEqualTo("Region 99 not found");
    }
}
