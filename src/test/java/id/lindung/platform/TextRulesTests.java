package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every text of an input by its kind: normalised the same way, refused with the same codes (issue 12 item 10). */
class TextRulesTests {

    private static String code(String text, TextRules.Kind kind) {
        return TextRules.check("f", text, kind, true).map(InputProblem::code).orElse("OK");
    }

    @Test
    void namesAreStoredInNfcWithoutZeroWidthCharactersAndWithSingleSpaces() {
        assertThat(TextRules.normalise("  Jose\u0301  \u200BSantoso\u00A0 ", TextRules.Kind.PERSON_NAME)).isEqualTo("Jos\u00e9 Santoso");
        assertThat(TextRules.normalise("Jl. Mawar 1\nRT 02", TextRules.Kind.TEXT)).isEqualTo("Jl. Mawar 1\nRT 02");
    }

    static Stream<Arguments> personNames() {
        return Stream.of(Arguments.of("Budi Santoso", "OK"), Arguments.of("Siti Nur'aini, S.Pd.", "OK"),
                Arguments.of("Jos\u00e9", "OK"), Arguments.of("Made (Wayan)", "OK"),
                Arguments.of("Budi\u0000", "INVALID_CHARACTER"), Arguments.of("Budi\nSantoso", "INVALID_CHARACTER"),
                Arguments.of("Budi\u202eX", "INVALID_CHARACTER"), Arguments.of("Budi\u2067X", "INVALID_CHARACTER"),
                Arguments.of("Budi\ud800", "INVALID_CHARACTER"), Arguments.of("Budi\ufffd", "INVALID_CHARACTER"),
                Arguments.of("Budi\u0007", "INVALID_CHARACTER"), Arguments.of("\u200b\u200b", "REQUIRED"),
                Arguments.of("<b>Budi</b>", "NAME_INVALID"), Arguments.of("<script>alert(1)</script>", "NAME_INVALID"),
                Arguments.of("12345", "NAME_INVALID"), Arguments.of("x' or '1'='1", "NAME_INVALID"),
                Arguments.of("SLAMET & SONS", "OK"), Arguments.of("Siti \\N \"Ibu\"", "OK"), Arguments.of("Budi \ud83d\ude00", "NAME_INVALID"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource
    void personNames(String text, String code) {
        assertThat(code(text, TextRules.Kind.PERSON_NAME)).isEqualTo(code);
    }

    @Test
    void aNameLongerThanItsKindsLimitIsTooLong() {
        assertThat(code("a".repeat(200), TextRules.Kind.PERSON_NAME)).isEqualTo("OK");
        assertThat(code("a".repeat(201), TextRules.Kind.PERSON_NAME)).isEqualTo("TOO_LONG");
        assertThat(code("a".repeat(3_000_000), TextRules.Kind.LINE)).isEqualTo("TOO_LONG");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"0812-3456-7890|OK", "+62 812 3456 7890|OK", "abc|PHONE_INVALID", "12|PHONE_INVALID",
            "1234567890123456789|PHONE_INVALID", "0812\u000734|INVALID_CHARACTER"})
    void phones(String text, String code) {
        assertThat(code(text, TextRules.Kind.PHONE)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"12345678901|OK", "<b>1</b>|KPJ_INVALID", "1234|KPJ_INVALID"})
    void kpjNumbers(String text, String code) {
        assertThat(code(text, TextRules.Kind.KPJ)).isEqualTo(code);
    }

    @Test
    void aBlankOptionalTextIsFineAndSeveralLineTextKeepsItsLineBreaks() {
        assertThat(TextRules.check("phone", "  ", TextRules.Kind.PHONE, false)).isEqualTo(Optional.empty());
        assertThat(TextRules.check("address", "Jl. Mawar\r\nRT 1", TextRules.Kind.TEXT, false)).isEmpty();
        assertThat(TextRules.check("address", "Jl. Mawar\u0000", TextRules.Kind.TEXT, false)).get()
                .extracting(InputProblem::code).isEqualTo("INVALID_CHARACTER");
    }

    /** Every printable ASCII character and pair, then random ASCII texts with controls, runs of spaces and edges. */
    private static java.util.List<String> asciiTexts() {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (char a = 0x20; a < 0x7f; a++) {
            texts.add(String.valueOf(a));
            for (char b = 0x20; b < 0x7f; b++) {
                texts.add("" + a + b);
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(16);
        String alphabet = "aZ9 .,'`\"\\-()/&#;<>=*$%@!?{}[]\t\n\r\u0000\u007f ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        return texts;
    }

    @Test
    void theAsciiShortcutsGiveWhatTheRegularExpressionsAndTheNormaliserGive() {
        for (String text : asciiTexts()) {
            for (TextRules.Kind kind : TextRules.Kind.values()) {
                assertThat(TextRules.normalise(text, kind)).as("normalise %s '%s'", kind, text)
                        .isEqualTo(TextRules.normaliseFully(text, kind));
            }
            if (TextRules.printableAscii(text)) {
                assertThat(TextRules.asciiPersonName(text)).as("person name '%s'", text)
                        .isEqualTo(TextRules.Kind.PERSON_NAME.form().matcher(text).matches());
                assertThat(TextRules.invalidCharacter(text, false)).as("invalid character '%s'", text).isFalse();
            }
        }
    }
}
