package id.lindung.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.shared.Rupiah;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegulationCatalogTests {

    static final RegulationCatalog BUNDLED = RegulationCatalog.loadBundled();
    static final Path BAD = Path.of("src/test/resources/regulations-bad");

    @Test
    void bundledFilesLoadWithoutSpringAndEveryValueHasAReferenceAndAUnit() {
        assertThat(BUNDLED.parameters()).hasSizeGreaterThan(60);
        assertThat(BUNDLED.parameters()).allSatisfy(p -> {
            assertThat(p.unit()).isNotNull();
            assertThat(p.values()).allSatisfy(v -> {
                assertThat(v.reference().regulation()).isNotBlank();
                assertThat(v.reference().sources()).isNotEmpty().allMatch(s -> s.matches("S\\d+[a-z]?"));
            });
        });
    }

    /** Each text a page shows from the data has its Indonesian (description_id, condition_id, note_id): new data cannot regress. */
    @Test
    void everyBundledDescriptionConditionAndNoteHasItsIndonesianText() {
        assertThat(BUNDLED.parameters()).allSatisfy(p -> {
            assertThat(p.descriptionInIndonesian()).as(p.id() + " description_id").isNotBlank().isNotEqualTo(p.description());
            assertThat(p.description(Locale.forLanguageTag("id"))).isEqualTo(p.descriptionInIndonesian());
            assertThat(p.description(Locale.ENGLISH)).isEqualTo(p.description());
            if (p.condition() != null) {
                assertThat(p.conditionInIndonesian()).as(p.id() + " condition_id").isNotBlank();
            }
            assertThat(p.values()).allSatisfy(v -> {
                Reference r = v.reference();
                if (r.note() != null) {
                    assertThat(r.noteInIndonesian()).as(p.id() + " " + v.from() + " note_id").isNotBlank().isNotEqualTo(r.note());
                    // what the data marks unverified stays marked in both languages
                    if (r.note().contains("UNVERIFIED")) {
                        assertThat(r.noteInIndonesian()).as(p.id() + " " + v.from() + " note_id").contains("BELUM TERVERIFIKASI");
                    }
                }
            });
        });
    }

    @Test
    void everyBundledYamlFileIsListedInTheIndex() throws Exception {
        List<String> listed = Files.readAllLines(Path.of("src/main/resources/regulations/index.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/regulations"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @ParameterizedTest(name = "JP cap on {0} is {1}")
    @CsvSource({
            "2015-07-01, 7000000", "2016-02-29, 7000000", "2016-03-01, 7335300", "2019-03-01, 8512400",
            "2020-03-01, 8939700", "2021-03-01, 8754600", "2022-03-01, 9077600", "2023-03-01, 9559600",
            "2024-02-29, 9559600", "2024-03-01, 10042300", "2025-02-28, 10042300", "2025-03-01, 10547400",
            "2026-02-28, 10547400", "2026-03-01, 11086300"})
    void jpWageCapSwitchesInItsEffectiveMonth(String date, long cap) {
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.parse(date)).rupiah()).isEqualTo(Rupiah.of(cap));
    }

    @Test
    void unverifiedValuesAreLoadedAndFlagged() {
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2021, 6, 1)).verified()).as("2021 effective month").isFalse();
        // February 2021 is the month the 2021 cap may or may not have been in force: its figure is unverified too
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2021, 2, 1)).verified()).as("February 2021").isFalse();
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2021, 2, 1)).rupiah()).isEqualTo(Rupiah.of(8_939_700));
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2021, 1, 31)).verified()).as("January 2021").isTrue();
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2022, 6, 1)).verified()).as("2022 confirmed by B/77/022023").isTrue();
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2026, 6, 1)).verified()).isFalse();
        assertThat(BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2025, 6, 1)).verified()).isTrue();
        assertThat(BUNDLED.valueOn("bpu.income.bandWidth", LocalDate.of(2025, 6, 1)).verified()).isFalse();
    }

    @ParameterizedTest(name = "minimum siltap {0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            village.defaultWage.kepalaDesa    | 2019-02-28 | -
            village.defaultWage.kepalaDesa    | 2019-03-01 | 2426640
            village.defaultWage.perangkatDesa | 2019-02-28 | -
            village.defaultWage.perangkatDesa | 2019-03-01 | 2022200
            """)
    void minimumSiltapAppliesFromMarch2019(String parameter, String date, String value) {
        var found = BUNDLED.find(parameter, LocalDate.parse(date));
        if (value.equals("-")) {
            assertThat(found).as("PP 11/2019 was signed 28 February 2019").isEmpty();
        } else {
            assertThat(found).get().satisfies(v -> {
                assertThat(v.rupiah()).isEqualTo(Rupiah.parse(value));
                assertThat(v.reference().regulation()).isEqualTo("PP 11/2019");
            });
        }
    }

    @Test
    void aDateBeforeTheFirstValueHasNoValueInForce() {
        assertThatThrownBy(() -> BUNDLED.valueOn("pu.jp.wageCap", LocalDate.of(2015, 6, 30)))
                .isInstanceOf(NoRegulationInForceException.class).hasMessageContaining("pu.jp.wageCap").hasMessageContaining("2015-06-30");
    }

    @Test
    void aParameterWithAnEndDateHasNoValueAfterIt() {
        assertThat(BUNDLED.find("jkm.scholarship.legacyAmount", LocalDate.of(2019, 12, 1))).isPresent();
        assertThat(BUNDLED.find("jkm.scholarship.legacyAmount", LocalDate.of(2019, 12, 2))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused naming file, parameter and date")
    @CsvSource(delimiter = '|', textBlock = """
            overlap.yaml           | test.cap  | overlaps the value from 2025-01-01 until 2025-06-30 | 2025-06-01
            gap.yaml               | test.cap  | leaves a gap after the value from 2025-01-01        | 2025-08-01
            duplicate-date.yaml    | test.cap  | overlaps the value from the same date               | 2025-01-01
            missing-reference.yaml | test.rate | has no reference                                    | 2025-03-01
            missing-unit.yaml      | test.rate | has no unit                                         | test.rate
            unknown-unit.yaml      | test.rate | unknown unit 'PERCENTAGE'                           | test.rate
            bad-value.yaml         | test.cap  | is not a number for unit RUPIAH                     | 2025-03-01
            typo-key.yaml          | test.cap  | unknown key 'form'                                  | test.cap
            """)
    void badFilesAreRefusedWithFileParameterAndDate(String file, String parameter, String problem, String date) {
        assertThatThrownBy(() -> RegulationCatalog.loadFiles(List.of(BAD.resolve(file))))
                .isInstanceOf(RegulationException.class)
                .hasMessageContaining(file).hasMessageContaining("parameter " + parameter)
                .hasMessageContaining(problem).hasMessageContaining(date);
    }

    @Test
    void anOperatorAddsNextYearsJpCapInTheExternalFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jp-cap-2027.yaml"), """
                parameters:
                  pu.jp.wageCap:
                    unit: RUPIAH
                    values:
                      - {from: 2027-03-01, value: 11650000, regulation: KEPDIR BPJS 2027, sources: [S26], verified: false}
                """);
        RegulationCatalog catalog = RegulationCatalog.load(dir);
        assertThat(catalog.valueOn("pu.jp.wageCap", LocalDate.of(2027, 2, 28)).rupiah()).isEqualTo(Rupiah.of(11_086_300));
        assertThat(catalog.valueOn("pu.jp.wageCap", LocalDate.of(2027, 3, 1)).rupiah()).isEqualTo(Rupiah.of(11_650_000));
        assertThat(catalog.version()).isNotEqualTo(BUNDLED.version());
    }

    @Test
    void anOperatorConfirmsAProvisionalValueWithOverride(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jp-cap-2026.yaml"), """
                parameters:
                  pu.jp.wageCap:
                    unit: RUPIAH
                    values:
                      - {from: 2026-03-01, value: 11086300, regulation: KEPDIR BPJS 2026, sources: [S26], verified: true, override: true}
                """);
        assertThat(RegulationCatalog.load(dir).valueOn("pu.jp.wageCap", LocalDate.of(2026, 3, 1)).verified()).isTrue();
    }

    @Test
    void anExternalValueOnAnExistingDateWithoutOverrideStopsTheLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clash.yaml"), """
                parameters:
                  pu.jp.wageCap:
                    unit: RUPIAH
                    values:
                      - {from: 2025-03-01, value: 1, regulation: X, sources: [S1]}
                """);
        assertThatThrownBy(() -> RegulationCatalog.load(dir)).isInstanceOf(RegulationException.class)
                .hasMessageContaining("clash.yaml").hasMessageContaining("pu.jp.wageCap").hasMessageContaining("2025-03-01");
    }

    @Test
    void anExternalFileWithAnotherUnitIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("unit.yaml"), """
                parameters:
                  pu.jp.wageCap:
                    unit: PERCENT
                    values:
                      - {from: 2027-03-01, value: 1, regulation: X, sources: [S1]}
                """);
        assertThatThrownBy(() -> RegulationCatalog.load(dir)).hasMessageContaining("unit PERCENT differs from RUPIAH");
    }

    @Test
    void anOperatorFileNamingNoBundledParameterStopsTheStartNamingTheNearestOne(@TempDir Path dir) throws Exception {
        // a typo made a new parameter nobody reads: next year's cap was silently not used
        Files.writeString(dir.resolve("jp-2027.yaml"), """
                parameters:
                  pu.jp.wageCapp:
                    unit: RUPIAH
                    values:
                      - {from: 2027-03-01, value: 11500000, regulation: BPJS letter, sources: [S10]}
                """);
        assertThatThrownBy(() -> RegulationCatalog.load(dir)).isInstanceOf(RegulationException.class)
                .hasMessageContaining("jp-2027.yaml: parameter pu.jp.wageCapp: is no parameter of the bundled catalog")
                .hasMessageContaining("did you mean pu.jp.wageCap?");
    }

    @Test
    void aMissingExternalFolderIsIgnored() {
        assertThat(RegulationCatalog.load(Path.of("target/no-such-folder")).version()).isEqualTo(BUNDLED.version());
    }
}
