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
    void aLimitReadsAsASentenceNotAsATailOfValues() {
        assertThat(detail("WAGE_TOO_LARGE", "wage has more than 16 digits", "id")).isEqualTo("Upah paling banyak 16 digit.");
        assertThat(detail("WAGE_TOO_LARGE", "wage has more than 16 digits", "en")).isEqualTo("wage has more than 16 digits");
        // a code whose sentences name different values: the sentence for as many values as the English one names
        assertThat(detail("TOO_MANY_ROWS", "the list holds 120000 bills, more than the 100000 one download holds: choose a "
                + "province, regency or district", "id")).isEqualTo("Daftar ini memuat 120.000 baris, lebih dari 100.000 yang muat "
                + "dalam satu unduhan: pilih provinsi, kabupaten/kota atau kecamatan.");
        assertThat(detail("TOO_MANY_ROWS", "more than 100000 plans: choose a year", "id"))
                .isEqualTo("Satu unduhan paling banyak 100.000 baris: persempit pilihan (wilayah, tahun, tanggal, pengguna atau jenis).");
        // a benefit calculator's refusal has the simulation's sentence when it has no API sentence of its own
        assertThat(detail("JHT_PARTIAL_ALREADY_CLAIMED", "a partial JHT claim is paid once only", "id"))
                .isEqualTo("Klaim sebagian JHT hanya dibayar satu kali.");
    }

    record Answer(String name, List<InputProblem> warnings) implements Warned<Answer> {
        @Override
        public Answer withWarnings(List<InputProblem> warnings) {
            return new Answer(name, warnings);
        }
    }

    @Test
    void aWarningIsWrittenInTheClientsLanguageWithItsValuesAndItsCodeKept() {
        Answer answer = new Answer("quote", List.of(new InputProblem(3, "wage", "WAGE_BELOW_USUAL_MINIMUM", "wage 100 is below 1000000 "
                + "rupiah, less than anyone is usually reported at; check it is the monthly wage, not a thousands figure")));
        Answer indonesian = language().warnedIn(answer, Locale.forLanguageTag("id"));
        assertThat(indonesian.name()).isEqualTo("quote");
        assertThat(indonesian.warnings()).containsExactly(new InputProblem(3, "wage", "WAGE_BELOW_USUAL_MINIMUM", "Upah Rp 100 di bawah "
                + "Rp 1.000.000, lebih rendah dari upah yang biasa dilaporkan; periksa apakah itu upah sebulan, bukan angka dalam ribuan."));
        assertThat(language().warnedIn(answer, Locale.ENGLISH)).isSameAs(answer);
    }

    @Test
    void sentencesWithAsManyValuesInDifferentShapesEachGetTheirOwnIndonesianSentence() {
        // two values each, a range of dates, a range of numbers and a limit with its decimals: no tail "Nilai: ..."
        assertThat(detail("OUT_OF_RANGE", "incidentDate must be from 1900-01-01 to 2027-12-07", "id"))
                .isEqualTo("Tanggal harus antara 1900-01-01 dan 2027-12-07.");
        assertThat(detail("OUT_OF_RANGE", "months must be 1 to 600", "id")).isEqualTo("Nilai harus antara 1 dan 600.");
        assertThat(detail("OUT_OF_RANGE", "wage must be at most 1,000,000,000,000 with at most 2 decimals", "id"))
                .isEqualTo("Jumlah paling banyak Rp 1.000.000.000.000 dengan paling banyak 2 angka desimal.");
        // the values in the order the English sentence gives them, placed where the Indonesian one needs them
        assertThat(detail("INVALID_MONTH", "month must be YYYY-MM, got '2025-13'", "id"))
                .isEqualTo("Bulan '2025-13' tidak sah; tulis sebagai YYYY-MM.");
        assertThat(detail("INVALID_MONTH", "monthFrom must be YYYY-MM or 1..12, got '13'", "id"))
                .isEqualTo("Bulan '13' tidak sah; tulis sebagai YYYY-MM atau nomor bulan 1..12.");
        // a shape the English sentence does not have is not taken: the code's sentence, the value after it
        assertThat(detail("OUT_OF_RANGE", "cohort 7 is odd and 9", "id")).isEqualTo("Nilai di luar rentang yang diterima. Nilai: 7, 9.");
        // in English the sentence as written, its values in place, a field's code name as "the value" (its label names it)
        assertThat(language().onPage(InputProblem.of("months", "OUT_OF_RANGE", "months must be 1 to 600"), Locale.ENGLISH))
                .isEqualTo("Months must be 1 to 600.");
        assertThat(language().onPage(InputProblem.of("incidentDate", "OUT_OF_RANGE", "incidentDate must be from 1900-01-01 to "
                + "2027-12-07"), Locale.ENGLISH)).isEqualTo("The value must be from 1900-01-01 to 2027-12-07.");
    }

    @Test
    void aStateOrAnIdentifierTheEnglishSentenceNamesIsPartOfTheIndonesianSentence() {
        assertThat(detail("BATCH_NOT_VALIDATED", "Batch 12 is IMPORTED; only a VALIDATED batch can be imported", "id"))
                .isEqualTo("Impor 12 berstatus IMPORTED: hanya impor berstatus VALIDATED yang dapat dimasukkan.");
        assertThat(detail("PAYMENT_AMOUNT_MISMATCH", "The payment of 500000 differs from the approved total 1030388", "id"))
                .isEqualTo("Pembayaran Rp 500.000 tidak sama dengan jumlah yang harus dibayar, Rp 1.030.388.");
        assertThat(detail("VERSION_CONFLICT", "The worker was changed by someone else since you opened it (your version 3, now 4): "
                + "reload it and apply your change again", "id")).isEqualTo("Data pekerja ini sudah diubah orang lain sejak Anda "
                + "membukanya (versi Anda 3, sekarang 4): muat ulang, lalu ulangi perubahan Anda.");
        assertThat(detail("PAYER_EXISTS", "A donor named 'Yayasan Peduli' is already registered in 64.02.03.2007 as "
                + "'DONOR:64.02.03.2007:YAYASAN-PEDULI'", "id")).isEqualTo("Pembayar bernama 'Yayasan Peduli' sudah terdaftar di "
                + "64.02.03.2007 sebagai 'DONOR:64.02.03.2007:YAYASAN-PEDULI'.");
        // a code with the name's words in capitals is one value, not four
        assertThat(detail("PAYER_EXISTS", "A employer named 'CV Sentosa Jaya' is already registered in 64.02.03.2007 as "
                + "'EMPLOYER:64.02.03.2007:CV SENTOSA JAYA'", "id")).isEqualTo("Pembayar bernama 'CV Sentosa Jaya' sudah terdaftar di "
                + "64.02.03.2007 sebagai 'EMPLOYER:64.02.03.2007:CV SENTOSA JAYA'.");
        // the status a scholarship year is in, not a school year
        assertThat(detail("SCHOLARSHIP_NOT_DUE", "The scholarship year is PAID: it is due once the case is approved and the "
                + "year's SCHOOL_CERTIFICATE is uploaded", "id")).isEqualTo("Beasiswa tahun ini berstatus PAID: beasiswa dibayar "
                + "setelah klaim disetujui dan dokumen SCHOOL_CERTIFICATE tahun itu diunggah.");
    }

    @Test
    void aPageSentenceNamesAValueOnlyAsAWholeNeverAsAPieceOfAnother() {
        assertThat(ProblemLanguage.namesWhole("Desil harus 1 sampai 10.", "10")).isTrue();
        assertThat(ProblemLanguage.namesWhole("Desil harus 1 sampai 10.", "1")).isTrue();
        assertThat(ProblemLanguage.namesWhole("Desil harus 1 sampai 10.", "0")).isFalse();
        assertThat(ProblemLanguage.namesWhole("paling banyak Rp 1.500.000, lalu", "1")).isFalse();
        assertThat(ProblemLanguage.namesWhole("paling banyak Rp 1.500.000, lalu", "1.500.000")).isTrue();
        assertThat(ProblemLanguage.namesWhole("kode 64.02.03.2007", "64.02")).isFalse();
        assertThat(ProblemLanguage.namesWhole("kode APBDES:64.02", "64.02")).isFalse();
        assertThat(ProblemLanguage.namesWhole("tidak sesuai dengan NIK: angka ke-7", "NIK")).isTrue();
        assertThat(ProblemLanguage.namesWhole("lahir (1991-11-12), bukan", "1991-11-12")).isTrue();
        assertThat(ProblemLanguage.namesWhole("lahir 1991-11-12", "12")).isFalse();
        // a claim's cost of nothing on a page is not the worker form's decile sentence, which names 1 and 10
        String page = language().onPage(new InputProblem(0, "claimedCosts", "OUT_OF_RANGE",
                "claimedCosts.medical or claimedCosts.transport must be more than 0"), Locale.forLanguageTag("id"));
        assertThat(page).doesNotContain("Desil").contains("0");
    }

    /** Issue 4: "a mismatch is an error naming both values"; the Indonesian sentence named neither L nor P. */
    @Test
    void aSexMismatchNamesTheSexOfTheNikAndTheSexEnteredInIndonesianToo() {
        String english = id.lindung.registry.NikCheck.check("6402035708850001", d -> true, 'L', null,
                java.time.LocalDate.of(2026, 12, 7)).errors().get(0).message();
        assertThat(detail("NIK_SEX_MISMATCH", english, "id")).isEqualTo("Jenis kelamin 'L' tidak sesuai dengan NIK, yang memuat "
                + "jenis kelamin 'P': angka ke-7 dan ke-8 NIK adalah tanggal lahir, ditambah 40 untuk perempuan.");
        assertThat(detail("NIK_SEX_MISMATCH", english, "en")).contains("'P'").contains("'L'");
    }

    @Test
    void aValueEchoedInQuotesAndARowOfAFileAreKeptInIndonesian() {
        assertThat(detail("INVALID_MONTH", "month '2025-13' is not YYYY-MM", "id")).isEqualTo("Bulan '2025-13' tidak sah; tulis sebagai YYYY-MM.");
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
    void onlyASentencesFirstCharactersAreReadForValuesAndAQuotedValueIsAtMost400Characters() {
        // a sentence echoing a request's text at length (a parameter's name of 2 MB) was read whole, in time quadratic in it
        assertThat(ProblemLanguage.values("x".repeat(ProblemLanguage.READ) + " 2026-01-01")).isEmpty();
        assertThat(ProblemLanguage.values("name '" + "a".repeat(401) + "' at 64.02")).containsExactly("64.02");
        assertThat(ProblemLanguage.values("name '" + "a".repeat(400) + "' at 64.02")).hasSize(2);
    }

    @Test
    void anEnglishPageShowsTheSentenceOfAShapeAsWrittenNotTheCodesGeneralOne() {
        InputProblem decile = new InputProblem(0, "povertyDecile", "OUT_OF_RANGE", "poverty decile must be 1 to 10");
        assertThat(language().onPage(decile, Locale.ENGLISH)).isEqualTo("Poverty decile must be 1 to 10.");
        assertThat(language().onPage(decile, Locale.forLanguageTag("id"))).isEqualTo("Desil kemiskinan harus antara 1 dan 10.");
    }

    @Test
    void aCsvFileThatCannotBeReadNamesTheReaderInTheSentence() {
        // "CSV" counts as a value of the sentence: two values, the format and the reader's reason
        assertThat(detail("CSV_MALFORMED", "Not a readable CSV file: 'Unexpected end of quoted field'", "id"))
                .isEqualTo("Berkas bukan CSV yang dapat dibaca: 'Unexpected end of quoted field'.");
    }

    @Test
    void aQuoteInsideAWordIsAnApostropheSoANameKeepsItAndAPossessiveQuotesNothing() {
        assertThat(ProblemLanguage.values("A payer named 'Ma'ruf Amin' is already registered in 64.02 as 'APBDES:1'"))
                .containsExactly("'Ma'ruf Amin'", "64.02", "'APBDES:1'");
        assertThat(ProblemLanguage.values("the region's government does not issue PERBUP")).containsExactly("PERBUP");
        assertThat(detail("HEIR_NOT_RECIPIENT", "'Ma'ruf' does not receive by the order of PP 44/2015 Pasal 37; recipients: "
                + "'Siti Nur'aini, Budi'", "id")).isEqualTo("'Ma'ruf' bukan penerima menurut urutan ahli waris PP 44/2015 Pasal 37; "
                + "penerima: 'Siti Nur'aini, Budi'.");
    }

    @Test
    void englishIsLeftAsWritten() {
        ProblemDetail problem = ApiProblems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Region 99 not found");
        language().translate(problem, Locale.ENGLISH);
        assertThat(problem.getDetail()).isEqualTo("Region 99 not found");
    }

    /**
     * Every problem the code base makes, found where it is made: a call of a problem builder ({@link InputProblem#of},
     * {@link InvalidInputException}, {@code RejectedException}, {@code reject(...)}, {@link ApiProblems#of} ...) with an
     * UPPER_SNAKE code and the English sentence after it, or a {@code Problem(..., Code.X, ...)} of the worker rules.
     */
    record Site(String code, String where, String english) {}

    private static final java.util.regex.Pattern BUILDER = java.util.regex.Pattern.compile(
            "(?:InputProblem\\.of|new InputProblem|new InvalidInputException|InvalidInputException\\.(?:conflict|refused)"
            + "|new RejectedException|\\breject|new MissingFactException|ApiProblems\\.of|new TooManyRequestsException|\\bproblem"
            + "|new Problem)\\s*\\(");
    private static final java.util.regex.Pattern CODE_ARGUMENT = java.util.regex.Pattern.compile(
            "\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"|Code\\.([A-Z][A-Z0-9_]+)");

    static List<Site> sites() throws java.io.IOException {
        List<Site> sites = new java.util.ArrayList<>();
        List<java.nio.file.Path> sources;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (java.nio.file.Path source : sources) {
            String code = java.nio.file.Files.readString(source);
            java.util.regex.Matcher call = BUILDER.matcher(code);
            while (call.find()) {
                List<String> arguments = arguments(code, call.end() - 1);
                for (int i = 0; i < arguments.size(); i++) {
                    java.util.regex.Matcher named = CODE_ARGUMENT.matcher(arguments.get(i));
                    if (named.matches()) {
                        // the sentence follows the code (a MissingFactException names the value first), else precedes it
                        int sentence = call.group().startsWith("new MissingFactException") ? i + 2 : i + 1;
                        String english = sentence < arguments.size() ? arguments.get(sentence) : i > 0 ? arguments.get(i - 1) : "";
                        String where = source.getFileName() + ":" + (code.substring(0, call.start()).split("\n", -1).length);
                        sites.add(new Site(named.group(1) != null ? named.group(1) : named.group(2), where, english));
                        break;
                    }
                }
            }
        }
        return sites;
    }

    /** The arguments of the call whose "(" is at {@code open}, as written, split at its own commas. */
    private static List<String> arguments(String source, int open) {
        return split(source, open + 1, ',');
    }

    /**
     * The parts of Java source from {@code from} to the bracket that closes around it (or the end), cut at each
     * {@code separator} outside brackets and string or character literals.
     */
    private static List<String> split(String source, int from, char separator) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = from; i < source.length() && depth >= 0; i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(source, i, end + 1);
                i = end;
                continue;
            }
            depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
            if (c == separator && depth == 0) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else if (depth >= 0) {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    /**
     * The English sentence a site writes, with a stand-in for each value it joins in: a number (7001, 7002 ...) for a
     * value named in the sentence's own words, a word for a field's name or a name written in lower case, a list as it
     * prints ({@code [7001]}) for a list joined in; the kind of value a field expects ({@code expected(type)}) is left
     * out, as it is named after the sentence in the client's language; null when the sentence is not written there (a
     * message passed on, a choice between sentences).
     */
    static String english(String expression) {
        List<String> parts = split(expression, 0, '+');
        StringBuilder sentence = new StringBuilder();
        int values = 0;
        for (String part : parts) {
            if (part.matches("(?s)[^\"]*\\?.*") && !part.startsWith("(")) {
                return null; // a choice between sentences
            }
            if (part.contains("?") || part.startsWith("expected(")) {
                continue; // an optional tail in brackets, such as UNKNOWN_FIELD's "did you mean", or the kind of value expected
            }
            if (part.matches("\"(?:[^\"\\\\]|\\\\.)*\"")) {
                sentence.append(part, 1, part.length() - 1);
            } else if (part.matches(".*(\\bfield\\b|getKey|getName\\(\\)|\\bnamed\\b|\\bfile\\b|fileName\\(\\)).*") || part.equals("at")) {
                sentence.append("wage");
            } else if (part.contains(".toLowerCase(")) {
                sentence.append("kind"); // a name written in lower case, a word rather than a value ("a donor named ...")
            } else if (part.matches("(?s)(Arrays\\.toString\\(|List\\.of\\().*|.*\\.toList\\(\\)")) {
                sentence.append("[").append(7001 + values++).append("]"); // a list as it prints: [A, B]
            } else {
                sentence.append(7001 + values++);
            }
        }
        return parts.size() == 1 && !parts.get(0).startsWith("\"") ? null : sentence.toString().replace("\\\"", "\"");
    }

    /**
     * Codes whose text is written once, in both languages or before any controller runs, and so never translated
     * (docs/api-errors.md, "Language"): the public check's limits and the firewall's refusal (the security filters'
     * 401 and 403 follow the language rule: TOKEN_INVALID has its sentence).
     */
    private static final java.util.Set<String> ONE_TEXT = java.util.Set.of("TOO_MANY_REQUESTS", "TOO_MANY_FAILED_CHECKS",
            "REQUEST_REJECTED");

    /**
     * Generated from the code base, so a new code fails here until it has its sentence: every code a problem is made
     * with, and every reason of the worker rules, has an Indonesian sentence, so no Indonesian answer shows English.
     */
    @Test
    void everyProblemCodeTheCodeBaseMakesHasAnIndonesianSentence() throws Exception {
        java.util.Properties indonesian = keys("");
        java.util.Set<String> codes = new java.util.TreeSet<>();
        sites().forEach(s -> codes.add(s.code()));
        for (Object reason : Class.forName("id.lindung.registry.WorkerInputRules$Code").getEnumConstants()) {
            codes.add(((Enum<?>) reason).name());
        }
        codes.removeAll(ONE_TEXT);
        assertThat(codes).contains("WAGE_TOO_LARGE", "TOO_MANY_ROWS", "AMOUNT_TOO_LARGE").hasSizeGreaterThan(200);
        List<String> missing = codes.stream().filter(code -> java.util.stream.Stream.of("api.problem.", "problem.", "claim.code.",
                "simulation.rejection.").noneMatch(prefix -> indonesian.getProperty(prefix + code) != null)).toList();
        assertThat(missing).as("codes with no Indonesian sentence").isEmpty();
    }

    /**
     * Where the English sentence names a limit or a value in its own words ("wage has more than 16 digits"), the
     * Indonesian one names it in a sentence too ("Upah lebih dari 16 digit"), never only as a tail "Nilai: 16." after
     * a sentence that does not say what the number is. A value echoed in quotes ('x') may be named after the sentence.
     * Asked with every sentence the code base writes, a stand-in number for each value it joins in.
     */
    /**
     * Codes whose Indonesian text still names some value of some English sentence only after it ("Nilai: ..."), to be
     * given sentences: a message passed on from a library (CSV_MALFORMED, BACKUP_FORMAT_UNKNOWN), a list or a name the
     * sentence joins in, whose values cannot be counted where it is written. A code written in several shapes with as
     * many values (OUT_OF_RANGE: a range, a page, an age) has a sentence per shape ({@code api.problem.<CODE>.<n>.<i>}).
     * A code given its sentence must leave this list, so it only shrinks.
     */
    private static final java.util.Set<String> VALUES_STILL_AFTER_THE_SENTENCE = java.util.Set.of();

    @Test
    void aLimitTheEnglishSentenceNamesIsPartOfTheIndonesianSentence() throws Exception {
        List<String> tails = new java.util.ArrayList<>();
        java.util.Set<String> stillAfter = new java.util.TreeSet<>();
        for (Site site : sites()) {
            String english = english(site.english());
            if (english == null || ONE_TEXT.contains(site.code())) {
                continue;
            }
            String text = detail(site.code(), english, "id");
            int tail = text.lastIndexOf(" Nilai: ");
            if (text.equals(english)) {
                tails.add(site.code() + " (" + site.where() + ") is English: " + english);
            } else if (tail >= 0 && java.util.Arrays.stream(text.substring(tail + 8, text.length() - 1).split(", "))
                    .anyMatch(v -> !v.startsWith("'"))) {
                stillAfter.add(site.code());
                if (!VALUES_STILL_AFTER_THE_SENTENCE.contains(site.code())) {
                    tails.add(site.code() + " (" + site.where() + "): " + english + " -> " + text);
                }
            }
        }
        assertThat(tails).isEmpty();
        assertThat(stillAfter).as("codes that have their sentence now: take them off the list").isEqualTo(VALUES_STILL_AFTER_THE_SENTENCE);
    }

    /**
     * A refusal for the caller's role (403 FORBIDDEN) names roles, a user or a case; in Indonesian each English sentence
     * of the code base has its own sentence placing them, never the general "Peran Anda tidak diizinkan melakukan ini."
     * with "Nilai: ADMIN, BPJS_OFFICER." after it (which read as if those roles were the ones refused); English is as written.
     */
    @Test
    void aRefusalForTheRoleNamesItsRolesUserAndCaseInAnIndonesianSentence() {
        String[][] sentences = {
                {"Not signed in", "Anda belum masuk."},
                {"The requesting village is outside your area", "Desa yang meminta berada di luar wilayah Anda."},
                {"Read-only roles cannot open claims", "Peran Anda tidak diizinkan melakukan ini."},
                {"Your role may not record payments", "Peran Anda tidak diizinkan melakukan ini."},
                {"Role MONITOR may not change a claim", "Peran MONITOR tidak boleh mengubah klaim."},
                {"Role MONITOR may not add documents to a claim", "Peran MONITOR tidak boleh menambahkan dokumen ke klaim."},
                {"Role DPMD may not download a claim's documents (personal data)",
                        "Peran DPMD tidak boleh mengunduh dokumen klaim (data pribadi)."},
                {"Role AUDITOR may not open a claim", "Peran AUDITOR tidak boleh membuka klaim."},
                {"Role MONITOR may not change budget plans", "Peran MONITOR tidak boleh mengubah rencana anggaran."},
                {"Role AUDITOR may not change the payer register", "Peran AUDITOR tidak boleh mengubah daftar pembayar."},
                {"Role MONITOR may not change the registry", "Peran MONITOR tidak boleh mengubah data pekerja."},
                {"Role AUDITOR may not import workers", "Peran AUDITOR tidak boleh mengimpor pekerja."},
                {"Only ADMIN and DPMD may import potential workforce", "Hanya ADMIN dan DPMD yang boleh mengimpor potensi tenaga kerja."},
                {"Role MONITOR may not approve a budget", "Peran MONITOR tidak diizinkan melakukan ini."},
                {"Only a BPJS officer records a scholarship payment", "Hanya petugas BPJS yang mencatat pembayaran beasiswa."},
                {"Only a BPJS officer verifies, approves, rejects and pays a claim",
                        "Hanya petugas BPJS yang memverifikasi, menyetujui, menolak, dan membayar klaim."},
                {"Only a BPJS officer recomputes a claim", "Hanya petugas BPJS yang menghitung ulang klaim."},
                {"The export of a person's data is for ADMIN", "Ekspor data pribadi seseorang hanya untuk ADMIN."},
                {"Only ADMIN may change worker categories", "Hanya ADMIN yang boleh mengubah kategori pekerja."},
                {"The audit trail is for AUDITOR and ADMIN", "Jejak audit hanya untuk AUDITOR dan ADMIN."},
                {"Only ADMIN and BPJS_OFFICER may reverse a payment", "Hanya ADMIN dan BPJS_OFFICER yang boleh membatalkan pembayaran."},
                {"Only ADMIN and BPJS_OFFICER may reverse a fine payment",
                        "Hanya ADMIN dan BPJS_OFFICER yang boleh membatalkan pembayaran denda."},
                {"Only ADMIN and DPMD may run billing", "Hanya ADMIN dan DPMD yang boleh menjalankan penagihan."},
                {"Only DPMD and BPJS officers enter regional regulations", "Hanya petugas DPMD dan BPJS yang memasukkan peraturan daerah."},
                {"Maker-checker: 'bpjs.kukar2' opened case 41 and cannot approve it; another BPJS officer approves",
                        "Pembuat-pemeriksa: 'bpjs.kukar2' membuka klaim 41, sehingga tidak dapat menyetujuinya; petugas BPJS lain yang menyetujui."}};
        for (String[] sentence : sentences) {
            assertThat(detail("FORBIDDEN", sentence[0], "id")).as(sentence[0]).isEqualTo(sentence[1]);
            assertThat(detail("FORBIDDEN", sentence[0], "en")).as(sentence[0]).isEqualTo(sentence[0]);
        }
    }

    /** Where a refusal for the role is made: {@code new AccessDeniedException(...)}, Spring Security's own included. */
    private static final java.util.regex.Pattern DENIED = java.util.regex.Pattern.compile("new (?:[a-z]+\\.)*AccessDeniedException\\s*\\(");

    /**
     * Generated from the code base, so a new refusal is covered: every English sentence an {@code AccessDeniedException}
     * is made with (a stand-in number for each value it joins in) reads in Indonesian with no value named only after it,
     * and two sentences that name values, but say different things, never read alike.
     */
    @Test
    void everyRefusalForTheRoleTheCodeBaseMakesPlacesItsValuesInItsIndonesianSentence() throws Exception {
        List<java.nio.file.Path> sources;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        List<String> tails = new java.util.ArrayList<>();
        java.util.Map<String, String> readAs = new java.util.HashMap<>();
        int sites = 0;
        for (java.nio.file.Path source : sources) {
            String code = java.nio.file.Files.readString(source);
            java.util.regex.Matcher call = DENIED.matcher(code);
            while (call.find()) {
                String english = english(arguments(code, call.end() - 1).get(0));
                assertThat(english).as(source + ": a sentence written at the site").isNotNull();
                sites++;
                String text = detail("FORBIDDEN", english, "id");
                if (text.contains("Nilai:") || text.equals(english)) {
                    tails.add(source.getFileName() + ": " + english + " -> " + text);
                }
                String other = ProblemLanguage.values(english).isEmpty() ? null : readAs.put(text, english);
                if (other != null && !other.equals(english)) {
                    tails.add(source.getFileName() + ": " + english + " reads as " + other + ": " + text);
                }
            }
        }
        assertThat(sites).isGreaterThan(25);
        assertThat(tails).isEmpty();
    }
}
