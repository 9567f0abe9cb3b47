package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.registry.WorkerInputRules.Code;
import id.lindung.registry.BpuIncomeRange;
import id.lindung.support.Categories;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The import's parser turns text into typed values and gives the parse codes; the values are judged by the registry's
 * rules, so a bad value gets the code the forms and the API give.
 */
class WorkerRowParserTests {

    private static final String HEADER = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date";
    private static final String GOOD = "6402031708850001,Budi,L,1985-08-17,64.02.03.2001,PETANI,BPU,1500000,,JKK;JKM,SELF,2025-01-01";

    private static final WorkerRowParser.Lookups LOOKUPS = new WorkerRowParser.Lookups("64.02.03"::equals,
            Map.of("64.02.03.2001", true), Set.of("64", "64.02"), RegionScope.NATIONAL, LocalDate.of(2025, 6, 1),
            on -> new BpuIncomeRange.Range(Rupiah.of(1_000_000), Rupiah.of(20_700_000)),
            (category, segment, start) -> Optional.of(Rupiah.of(1_000_000)), Categories.shipped());

    private static List<String> problems(String header, String row) {
        List<InputProblem> headerProblems = new ArrayList<>();
        WorkerRowParser parser = WorkerRowParser.forHeader(header.split(","), new WorkerRowParser.Defaults(null, LocalDate.of(2025, 1, 1)),
                LOOKUPS, headerProblems);
        assertThat(headerProblems).isEmpty();
        WorkerRowParser.Outcome outcome = parser.parse(2, row.split(",", -1));
        return outcome instanceof WorkerRowParser.Refused refused
                ? refused.problems().stream().map(p -> p.field() + ":" + p.code()).toList() : List.of();
    }

    /** The good row with column {@code i} replaced. */
    private static String change(int i, String value) {
        String[] f = GOOD.split(",", -1);
        f[i] = value;
        return String.join(",", f);
    }

    @Test
    void aGoodRowParses() {
        assertThat(problems(HEADER, GOOD)).isEmpty();
    }

    @Test
    void eachParseCodeHasARowThatProducesItAlone() {
        Map<Code, String[]> table = new LinkedHashMap<>();
        table.put(Code.INVALID_DATE, new String[] {change(3, "17 Agustus"), "birth_date:INVALID_DATE"});
        table.put(Code.WAGE_INVALID, new String[] {change(7, "satu juta"), "wage:WAGE_INVALID"});
        table.put(Code.CATEGORY_UNKNOWN, new String[] {change(5, "ASTRONAUT"), "category:CATEGORY_UNKNOWN"});
        table.put(Code.SEGMENT_UNKNOWN, new String[] {change(6, "XX"), "segment:SEGMENT_UNKNOWN"});
        table.put(Code.RISK_UNKNOWN, new String[] {change(8, "EXTREME"), "risk:RISK_UNKNOWN"});
        table.put(Code.PROGRAM_UNKNOWN, new String[] {change(9, "JKK;XYZ"), "programs:PROGRAM_UNKNOWN"});
        table.put(Code.INVALID_CHARACTER, new String[] {change(1, "Bu\u0007di"), "name:INVALID_CHARACTER"});
        table.put(Code.INVALID_SEX, new String[] {change(2, "Z"), "sex:INVALID_SEX"});
        table.forEach((code, c) -> assertThat(problems(HEADER, c[0])).as(code.name()).containsExactly(c[1]));

        String opensid = "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,pekerjaan";
        assertThat(problems(opensid, "6402031708850001,Budi,1,17-08-1985,64.02.03.2001,999"))
                .containsExactly("pekerjaan:UNKNOWN_PEKERJAAN_CODE");
        assertThat(problems(opensid, "6402031708850001,Budi,1,17-08-1985,64.02.03.2001,PELAJAR/MAHASISWA"))
                .containsExactly("pekerjaan:NOT_A_TARGET_WORKER");
        assertThat(Arrays.stream(Code.values()).filter(Code::isParseCode))
                .containsExactlyInAnyOrderElementsOf(List.copyOf(
                        java.util.stream.Stream.concat(table.keySet().stream().filter(Code::isParseCode),
                                java.util.stream.Stream.of(Code.UNKNOWN_PEKERJAAN_CODE, Code.NOT_A_TARGET_WORKER)).toList()));
    }

    @Test
    void aValueThatReadsButBreaksARuleGetsTheRegistrysCode() {
        assertThat(problems(HEADER, change(7, "0"))).containsExactly("wage:WAGE_NOT_POSITIVE");
        assertThat(problems(HEADER, change(7, "1500000.505"))).containsExactly("wage:WAGE_SCALE");
        assertThat(problems(HEADER, change(7, "900000"))).containsExactly("wage:BPU_INCOME_OUT_OF_RANGE");
        assertThat(problems(HEADER, change(3, ""))).containsExactly("birth_date:REQUIRED");
        assertThat(problems(HEADER, change(9, "JKK;JP"))).containsExactly("programs:PROGRAM_NOT_FOR_SEGMENT");
        assertThat(problems(HEADER, change(10, "SELF").replace(",BPU,", ",PU,"))).containsExactly("payer:PU_NEEDS_EMPLOYER");
    }

    /** What the parser makes of a wage cell in the good row: the wage, or the problems. */
    private static Object wageOf(String cell) {
        String[] f = GOOD.split(",", -1);
        f[7] = cell;
        WorkerRowParser parser = WorkerRowParser.forHeader(HEADER.split(","), new WorkerRowParser.Defaults(null, LocalDate.of(2025, 1, 1)),
                LOOKUPS, new ArrayList<>());
        WorkerRowParser.Outcome outcome = parser.parse(2, f);
        return outcome instanceof WorkerRowParser.Ok ok ? ok.row().wage()
                : ((WorkerRowParser.Refused) outcome).problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void aWageReadsAsExcelWritesItAndIrregularGroupsAreRefused() {
        assertThat(wageOf("Rp 2.022.200")).isEqualTo(Rupiah.of(2_022_200));
        assertThat(wageOf("Rp2.022.200,50")).isEqualTo(Rupiah.parse("2022200.50"));
        assertThat(wageOf("2,022,200.00")).isEqualTo(Rupiah.of(2_022_200));
        assertThat(wageOf("2022200,5")).isEqualTo(Rupiah.parse("2022200.50"));
        assertThat(wageOf("2.02.200")).isEqualTo(List.of("wage:WAGE_INVALID"));
        assertThat(wageOf("2.022.200,00.5")).isEqualTo(List.of("wage:WAGE_INVALID"));
        assertThat(wageOf("2.022.200,505")).isEqualTo(List.of("wage:WAGE_SCALE"));
    }

    @Test
    void anUnreadableWageIsNotReplacedByTheDefaultWage() {
        assertThat(problems(HEADER, change(7, "Rp ???"))).containsExactly("wage:WAGE_INVALID");
    }

    /** The parser's reading of dates before its shortcut for ISO dates: LocalDate.parse, then the day-first forms. */
    private static LocalDate dateAsParsedBefore(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s);
            }
            if (s.length() > 10 && s.charAt(4) == '-' && s.charAt(10) == ' ') {
                return LocalDate.parse(s.substring(0, 10));
            }
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        for (String pattern : List.of("d-M-uuuu", "d/M/uuuu", "d.M.uuuu")) {
            try {
                return LocalDate.parse(s, java.time.format.DateTimeFormatter.ofPattern(pattern));
            } catch (java.time.format.DateTimeParseException e) {
                // next
            }
        }
        return null;
    }

    @Test
    void theShortcutForIsoDatesReadsEveryTextAsLocalDateParseDid() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(10);
        List<String> texts = new ArrayList<>(List.of("2024-02-29", "2023-02-29", "0000-01-01", "2025-00-10", "2025-13-01",
                "2025-04-31", "2025-04-00", "2025-12-31 23:59", "2025-12-31T00:00", "2025-1-01", "17-08-1985", "17/8/1985",
                "+202-01-01", "-202-01-01", "2025-01-01x", "２０２５-01-01", "2025/01/01"));
        String alphabet = "0123456789-- /.x";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(15),
                    random.nextInt(34)));
            if (random.nextInt(4) == 0) {
                b.setCharAt(random.nextInt(10), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(5) == 0) {
                b.append(random.nextBoolean() ? " 08:00" : "0");
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            assertThat(CellText.date(text)).as(text).isEqualTo(dateAsParsedBefore(text));
        }
    }

    @Test
    void programmesAreSplitAsTheRegularExpressionSplitThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        String alphabet = "JKMP;,| x";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(14); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(CellText.programParts(text)).as(text)
                    .isEqualTo(Arrays.stream(text.split("[;,|]")).filter(part -> !part.isBlank()).toList());
        }
    }
}
