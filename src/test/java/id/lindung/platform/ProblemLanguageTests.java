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
                .isEqualTo("Nilai tidak sah untuk isian ini. Seharusnya tanggal YYYY-MM-DD. Nilai: 'x'.");
        assertThat(indonesian("status", "status 'OPEN' is not valid; expected one of SAME_PERSON, DIFFERENT_PEOPLE"))
                .isEqualTo("Nilai tidak sah untuk isian ini. Pilihan: SAME_PERSON, DIFFERENT_PEOPLE. Nilai: 'OPEN'.");
    }

    private static final List<String> BUNDLES = List.of("messages", "i18n/regulation", "i18n/registry", "i18n/importing", "i18n/billing");

    /** Every key of the bundles in one language ("" Indonesian, "_en" English). */
    private static java.util.Properties keys(String suffix) throws java.io.IOException {
        java.util.Properties all = new java.util.Properties();
        for (String bundle : BUNDLES) {
            try (var in = ProblemLanguageTests.class.getResourceAsStream("/" + bundle + suffix + ".properties")) {
                all.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    /** A problem's text in {@code locale} as a client gets it: its detail, with no field. */
    private static String detail(String code, String english, String language) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, code, english);
        language().translate(problem, Locale.forLanguageTag(language));
        return problem.getDetail();
    }

    /** A value as either language may write it: a plain number also grouped the Indonesian way (1030388 as 1.030.388). */
    private static boolean carries(String text, String value) {
        return text.contains(value) || value.matches("\\d+") && text.contains(
                java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("id")).format(new java.math.BigInteger(value)));
    }

    /**
     * Generated from the bundles, so a new code is covered: for every code with an Indonesian sentence, an English sentence
     * naming an echoed value, a date, a month, an amount and a code (as the sentences written where problems are made do)
     * gives an Indonesian text that names each of them too; a code whose API sentence places the values is asked with its
     * English sentence's own shape.
     */
    @Test
    void everyCodesIndonesianTextCarriesTheValuesOfItsEnglishText() throws Exception {
        java.util.Properties indonesian = keys("");
        java.util.Properties english = keys("_en");
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (String key : indonesian.stringPropertyNames()) {
            if (key.matches("(api\\.)?problem\\.[A-Z][A-Z0-9_]+")) {
                codes.add(key.substring(key.lastIndexOf('.') + 1));
            }
        }
        assertThat(codes).contains("FINE_ABOVE_OUTSTANDING", "INVALID_MONTH", "NOT_FOUND").hasSizeGreaterThan(80);
        List<String> dropped = new java.util.ArrayList<>();
        for (String code : codes) {
            String shaped = english.getProperty("api.problem." + code);
            List<String> values;
            String sentence;
            if (shaped != null && !ProblemLanguage.placeholders(shaped).isEmpty()) {
                // the English sentence's shape with an amount for a number, a date for any other value
                java.util.Set<Integer> placed = ProblemLanguage.placeholders(shaped);
                values = new java.util.ArrayList<>();
                for (int i = 0; i <= java.util.Collections.max(placed); i++) {
                    values.add(shaped.contains("{" + i + ",number") ? String.valueOf(1030388 + i) : "2026-0" + (i + 1) + "-1" + i);
                }
                sentence = java.text.MessageFormat.format(shaped.replaceAll("\\{(\\d+),number[^}]*}", "{$1}"), values.toArray());
            } else {
                values = List.of("'X-13'", "2026-03-01", "2025-13", "1030388", "JKP", "APBDES:64.02.01.2002");
                sentence = "value 'X-13' is refused on 2026-03-01 for 2025-13: 1030388 owed, programme JKP, payer APBDES:64.02.01.2002";
            }
            String text = detail(code, sentence, "id");
            assertThat(text).as(code).isNotEqualTo(sentence);
            for (String value : values) {
                if (!carries(text, value)) {
                    dropped.add(code + " drops " + value + ": " + text);
                }
            }
            assertThat(detail(code, sentence, "en")).as("English as written").isEqualTo(sentence);
        }
        assertThat(dropped).isEmpty();
    }

    /** A sentence with values in one language has the same placeholders, formatted alike, in the other. */
    @Test
    void anApiSentenceWithValuesPlacesTheSameValuesInBothLanguages() throws Exception {
        java.util.Properties indonesian = keys("");
        java.util.Properties english = keys("_en");
        for (String key : indonesian.stringPropertyNames()) {
            if (key.startsWith("api.problem.") && english.getProperty(key) != null) {
                java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{\\d+(,[^}]*)?}");
                List<String> id = placeholder.matcher(indonesian.getProperty(key)).results().map(m -> m.group()).sorted().toList();
                List<String> en = placeholder.matcher(english.getProperty(key)).results().map(m -> m.group()).sorted().toList();
                assertThat(id).as(key).isEqualTo(en);
            }
        }
    }

    @Test
    void aFineAboveTheFinesOwedNamesTheAmountsAndTheDateInIndonesian() {
        String english = "amount 1030388 is more than the fines owed on 2026-03-01 (6937); pay contributions as a payment, not as a fine";
        assertThat(detail("FINE_ABOVE_OUTSTANDING", english, "id")).isEqualTo("Jumlah Rp 1.030.388 melebihi denda yang terutang pada "
                + "2026-03-01 (Rp 6.937); iuran dibayar sebagai pembayaran iuran, bukan denda.");
        // an amount that is no plain number is not formatted as one: the pages' sentence names it as written
        assertThat(detail("FINE_ABOVE_OUTSTANDING", english.replace("1030388", "1E+400"), "id"))
                .startsWith("Jumlah melebihi denda yang terutang pada tanggal itu;").contains("1E+400", "2026-03-01", "6937");
    }

    @Test
    void aValueEchoedInQuotesAndARowOfAFileAreKeptInIndonesian() {
        assertThat(detail("INVALID_MONTH", "month '2025-13' is not YYYY-MM", "id")).isEqualTo("Bulan harus berbentuk YYYY-MM. Nilai: '2025-13'.");
        ProblemDetail problem = ApiProblems.of(new InvalidInputException(List.of(new InputProblem(5, "nik", "INVALID_VALUE",
                "nik '123' is not valid"))));
        language().translate(problem, Locale.forLanguageTag("id"));
        assertThat(problem.getDetail()).startsWith("baris 5: nik: ").contains("'123'");
    }

    @Test
    void aFieldsPathAMaskedNikAndAnAmountWithCentsAreWholeValuesNeverPieces() {
        assertThat(ProblemLanguage.values("cohorts[0].count has the wrong type; expected a number")).isEmpty();
        assertThat(ProblemLanguage.values("heirs[12].bankAcount is not a field of this request")).isEmpty();
        assertThat(ProblemLanguage.values("NIK 3201********0001 is not registered")).containsExactly("NIK", "3201********0001");
        assertThat(ProblemLanguage.values("amount Rp 500,000.00 is above Rp 1,250,000")).containsExactly("500,000.00", "1,250,000");
    }

    @Test
    void englishIsLeftAsWritten() {
        ProblemDetail problem = ApiProblems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Region 99 not found");
        language().translate(problem, Locale.ENGLISH);
        assertThat(problem.getDetail()).isEqualTo("Region 99 not found");
    }
}
