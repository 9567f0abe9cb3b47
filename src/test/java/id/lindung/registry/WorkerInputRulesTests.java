package id.lindung.registry;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.shared.Programme;

import id.lindung.support.Categories;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.registry.WorkerInputRules.Code;
import id.lindung.registry.WorkerInputRules.Field;
import id.lindung.registry.WorkerInputRules.Problem;
import id.lindung.registry.WorkerInputRules.TermInput;
import id.lindung.registry.WorkerInputRules.WorkerInput;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The one rule set of a worker's input: every rule code with one input that breaks it, and a valid input that breaks none. */
class WorkerInputRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String DESA = "64.02.03.2001";
    private static final String KELURAHAN = "64.02.03.1001";
    private static final String NIK = "6402031708850001"; // a man born 17-08-1985 in 64.02.03

    /** District 64.02.03; one desa and one kelurahan; APBD of province 64 only; BPU income 1,000,000 to 20,700,000. */
    private static final WorkerInputRules RULES = new WorkerInputRules(new WorkerInputRules.Facts() {
        @Override
        public boolean districtExists(String districtCode) {
            return districtCode.equals("64.02.03");
        }

        @Override
        public Optional<Boolean> isDesa(String villageCode) {
            return villageCode.equals(DESA) ? Optional.of(true) : villageCode.equals(KELURAHAN) ? Optional.of(false) : Optional.empty();
        }

        @Override
        public boolean apbdRegionExists(String regionCode) {
            return regionCode.equals("64");
        }

        @Override
        public BpuIncomeRange.Range bpuIncomeRange(LocalDate on) {
            return new BpuIncomeRange.Range(Rupiah.of(1_000_000), Rupiah.of(20_700_000));
        }

        @Override
        public Rupiah usualMinimumWage(LocalDate on) {
            return Rupiah.of(1_000_000);
        }

        @Override
        public Optional<Rupiah> defaultWage(WorkerCategory category, Segment segment, LocalDate start) {
            // no default before 2020 in this table, so that a missing wage can be refused
            return start.getYear() < 2020 ? Optional.empty() : Optional.of(Rupiah.of(segment == Segment.BPU ? 1_000_000 : 2_022_200));
        }

        @Override
        public LocalDate today() {
            return TODAY;
        }
    });

    /** A village official of a desa, PU, paid by the village: valid. */
    private static final WorkerInput VALID = new WorkerInput(NIK, "Budi Santoso", "L", LocalDate.of(1985, 8, 17), DESA,
            Categories.of("PERANGKAT_DESA"), 3, List.of(Programme.JKK, Programme.JKM), Segment.PU, new BigDecimal("2022200"),
            RiskGroup.VERY_LOW, "APBDES", LocalDate.of(2025, 1, 1));

    /** A farmer, BPU, paying himself: valid. */
    private static final WorkerInput FARMER = new WorkerInput(NIK, "Budi Santoso", "L", LocalDate.of(1985, 8, 17), DESA,
            Categories.of("PETANI"), null, List.of(Programme.JKK, Programme.JKM), Segment.BPU, new BigDecimal("1500000"), null,
            "SELF", LocalDate.of(2025, 1, 1));

    private static List<Code> codes(WorkerInput in) {
        return RULES.check(RULES.withDefaults(in, TODAY, Set.of()), Set.of()).stream().map(Problem::code).toList();
    }

    private static WorkerInput with(WorkerInput in, UnaryOperator<Builder> change) {
        return change.apply(new Builder(in)).build();
    }

    /** Every rule code (not a parse code, which the edges give) with one input that produces it and nothing else. */
    private static final Map<Code, WorkerInput> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(Code.REQUIRED, with(VALID, b -> b.name("  ")));
        TABLE.put(Code.TOO_LONG, with(VALID, b -> b.name("a".repeat(201))));
        TABLE.put(Code.NAME_INVALID, with(VALID, b -> b.name("<script>alert(1)</script>")));
        TABLE.put(Code.PROGRAM_DUPLICATE, with(VALID, b -> b.programmes(List.of(Programme.JKK, Programme.JKK))));
        TABLE.put(Code.START_DATE_OUT_OF_RANGE, with(VALID, b -> b.start(LocalDate.of(9999, 12, 31))));
        TABLE.put(Code.INVALID_SEX, with(VALID, b -> b.sex("X")));
        TABLE.put(Code.OUT_OF_RANGE, with(VALID, b -> b.decile(11)));
        TABLE.put(Code.NIK_NOT_16_DIGITS, with(VALID, b -> b.nik("640203170885")));
        TABLE.put(Code.NIK_UNKNOWN_DISTRICT, with(VALID, b -> b.nik("9902031708850001")));
        TABLE.put(Code.NIK_INVALID_DATE, with(VALID, b -> b.nik("6402033508850001")));
        TABLE.put(Code.NIK_SERIAL_ZERO, with(VALID, b -> b.nik("6402031708850000")));
        TABLE.put(Code.NIK_SEX_MISMATCH, with(VALID, b -> b.sex("P")));
        TABLE.put(Code.NIK_BIRTH_DATE_MISMATCH, with(VALID, b -> b.birth(LocalDate.of(1985, 8, 18))));
        TABLE.put(Code.WAGE_NOT_POSITIVE, with(VALID, b -> b.wage("0")));
        TABLE.put(Code.WAGE_SCALE, with(VALID, b -> b.wage("2022200.505")));
        TABLE.put(Code.WAGE_TOO_LARGE, with(VALID, b -> b.wage("12345678901234567")));
        TABLE.put(Code.WAGE_REQUIRED, with(VALID, b -> b.wage(null).start(LocalDate.of(2019, 1, 1))));
        TABLE.put(Code.BPU_INCOME_OUT_OF_RANGE, with(FARMER, b -> b.wage("900000")));
        TABLE.put(Code.PROGRAM_NOT_FOR_SEGMENT, with(FARMER, b -> b.programmes(List.of(Programme.JKK, Programme.JP))));
        TABLE.put(Code.PAYER_INVALID, with(VALID, b -> b.payer("BANK")));
        TABLE.put(Code.PU_NEEDS_EMPLOYER, with(VALID, b -> b.payer("SELF")));
        TABLE.put(Code.NO_APBDES, with(VALID, b -> b.village(KELURAHAN)));
        TABLE.put(Code.REGION_UNKNOWN, with(VALID, b -> b.payer("APBD:64.02")));
        TABLE.put(Code.CATEGORY_INACTIVE, with(VALID, b -> b.category(retired(Categories.of("PERANGKAT_DESA")))));
    }

    /**
     * A registration without memberships still records its start date (the status history's ACTIVE from that day):
     * 9999-12-31 was stored there, junk the issue 12 rule set refuses; a date in range stays fine.
     */
    @org.junit.jupiter.api.Test
    void aStartDateOutOfRangeIsRefusedAlsoWithoutMemberships() {
        WorkerInput bare = with(VALID, b -> b.programmes(List.of()).start(LocalDate.of(9999, 12, 31)));
        org.assertj.core.api.Assertions.assertThat(codes(bare)).containsExactly(Code.START_DATE_OUT_OF_RANGE);
        org.assertj.core.api.Assertions.assertThat(codes(with(bare, b -> b.start(LocalDate.of(1976, 12, 31)))))
                .containsExactly(Code.START_DATE_OUT_OF_RANGE);
        org.assertj.core.api.Assertions.assertThat(codes(with(bare, b -> b.start(WorkerInputRules.EARLIEST_START)))).isEmpty();
    }

    /** The category as an administrator retired it. */
    private static WorkerCategory retired(WorkerCategory c) {
        return new WorkerCategory(c.code(), c.nameId(), c.nameEn(), c.villageApparatus(), c.defaultSegment(),
                c.defaultWageParameter(), c.opensidCodes(), false, c.sortOrder(), c.verified(), c.note());
    }

    /** A PU wage of Rp 100 is registered as typed (RULES.md gives no floor) and warned, as the quotes warn; BPU is not. */
    @Test
    void aPuWageBelowTheUsualMinimumIsWarnedNeverRefused() {
        WorkerInput hundred = new WorkerInput(VALID.nik(), VALID.name(), VALID.sex(), VALID.birthDate(), VALID.villageCode(),
                VALID.category(), VALID.povertyDecile(), VALID.programmes(), Segment.PU, new BigDecimal("100"), VALID.riskGroup(),
                VALID.payer(), VALID.startDate());
        assertThat(RULES.check(hundred, Set.of())).isEmpty();
        assertThat(RULES.warnings(hundred)).singleElement().satisfies(w -> {
            assertThat(w.asInput().field()).isEqualTo("wage");
            assertThat(w.onLine(7).field()).isEqualTo("wage");
            assertThat(w.onLine(7).line()).isEqualTo(7);
            assertThat(w.code()).isEqualTo(id.lindung.contribution.LowWage.CODE);
            assertThat(w.message()).contains("100", "1000000");
        });
        assertThat(RULES.warnings(VALID)).as("the usual wage of a village official").isEmpty();
        assertThat(RULES.warnings(FARMER)).as("BPU: its own range, refused outside it").isEmpty();
    }

    @Test
    void aValidInputHasNoProblem() {
        assertThat(codes(VALID)).isEmpty();
        assertThat(codes(FARMER)).isEmpty();
    }

    @Test
    void eachRuleCodeHasAnInputThatProducesItAlone() {
        TABLE.forEach((code, input) -> assertThat(codes(input)).as(code.name()).containsExactly(code));
    }

    /** The phone and KPJ codes come from {@link WorkerInputRules#checkContact}: pinned by the test after this one. */
    @Test
    void theTableListsEveryRuleCodeAndNoParseCode() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Code.values())
                .filter(c -> !c.isParseCode() && c != Code.PHONE_INVALID && c != Code.KPJ_INVALID).toList());
    }

    @Test
    void aPhoneOrKpjThatIsNotOneIsRefusedAndBlankOnesAreFine() {
        assertThat(WorkerInputRules.checkContact("abc", "<b>1</b>")).extracting(Problem::code)
                .containsExactly(Code.PHONE_INVALID, Code.KPJ_INVALID);
        assertThat(WorkerInputRules.checkContact("0812-3456-7890", "12345678901")).isEmpty();
        assertThat(WorkerInputRules.checkContact(null, " ")).isEmpty();
    }

    @Test
    void blankMembershipValuesTakeTheCategorysDefaults() {
        WorkerInput official = RULES.withDefaults(with(VALID, b -> b.segment(null).wage(null).risk(null).payer(null).start(null)),
                TODAY, Set.of());
        assertThat(official.segment()).isEqualTo(Segment.PU);
        assertThat(official.payer()).isEqualTo("APBDES");
        assertThat(official.riskGroup()).isEqualTo(RiskGroup.VERY_LOW);
        assertThat(official.startDate()).isEqualTo(TODAY);
        assertThat(official.wage()).isEqualByComparingTo("2022200");
        WorkerInput farmer = RULES.withDefaults(with(FARMER, b -> b.segment(null).wage(null).payer(null)), TODAY, Set.of());
        assertThat(farmer.segment()).isEqualTo(Segment.BPU);
        assertThat(farmer.payer()).isEqualTo("SELF");
        assertThat(farmer.riskGroup()).isNull();
    }

    @Test
    void aWageEarnerOutsideADesaGetsNoDefaultPayerAndMustNameOne() {
        WorkerInput buruh = with(VALID, b -> b.village(KELURAHAN).category(Categories.of("BURUH")).payer(null));
        assertThat(RULES.check(RULES.withDefaults(buruh, TODAY, Set.of()), Set.of()))
                .extracting(p -> p.field() + ":" + p.code()).containsExactly("PAYER:REQUIRED");
    }

    @Test
    void aFieldTheEdgeCouldNotReadIsNeitherDefaultedNorReportedAgain() {
        WorkerInput unreadWage = with(VALID, b -> b.wage(null).name(null));
        Set<Field> unreadable = EnumSet.of(Field.WAGE, Field.NAME);
        WorkerInput defaulted = RULES.withDefaults(unreadWage, TODAY, unreadable);
        assertThat(defaulted.wage()).isNull();
        assertThat(RULES.check(defaulted, unreadable)).isEmpty();
    }

    @Test
    void aChangeOfTermsObeysTheSameWageAndPayerRules() {
        TermInput valid = new TermInput(Programme.JKK, Segment.PU, new BigDecimal("2500000"), null, "APBDES", LocalDate.of(2025, 3, 1));
        assertThat(RULES.check(WorkerInputRules.withDefaults(valid), DESA, NIK)).isEmpty();
        assertThat(WorkerInputRules.withDefaults(valid).riskGroup()).isEqualTo(RiskGroup.VERY_LOW);
        assertThat(RULES.check(new TermInput(Programme.JKK, Segment.PU, new BigDecimal("0"), null, "APBDES", null), DESA, NIK))
                .extracting(p -> p.field().inputName() + ":" + p.code())
                .containsExactly("wage:WAGE_NOT_POSITIVE", "startDate:REQUIRED");
        assertThat(RULES.check(new TermInput(Programme.JP, Segment.BPU, null, null, "SELF", LocalDate.of(2025, 3, 1)), DESA, NIK))
                .extracting(p -> p.field().inputName() + ":" + p.code())
                .containsExactly("wage:WAGE_REQUIRED", "program:PROGRAM_NOT_FOR_SEGMENT");
        assertThat(RULES.check(new TermInput(null, Segment.PU, null, null, null, null), DESA, NIK))
                .extracting(p -> p.field().inputName() + ":" + p.code()).containsExactly("program:REQUIRED");
        // each missing value under its own field: a missing segment was reported as the programme
        assertThat(RULES.check(new TermInput(Programme.JKK, null, null, null, null, null), DESA, NIK))
                .extracting(p -> p.field().inputName() + ":" + p.code()).containsExactly("segment:REQUIRED");
        assertThat(RULES.check(new TermInput(null, null, null, null, null, null), DESA, NIK))
                .extracting(p -> p.field().inputName() + ":" + p.code()).containsExactly("program:REQUIRED", "segment:REQUIRED");
    }

    @Test
    void importColumnsAndInputNamesNameTheSameField() {
        assertThat(Field.BIRTH_DATE.inputName()).isEqualTo("birthDate");
        assertThat(Field.BIRTH_DATE.column()).isEqualTo("birth_date");
        assertThat(new Problem(Field.START_DATE, Code.REQUIRED, "m").onLine(7).field()).isEqualTo("start_date");
        assertThat(new Problem(Field.START_DATE, Code.REQUIRED, "m").asInput().field()).isEqualTo("startDate");
    }

    /** Copies an input with some values changed. */
    private static final class Builder {
        private String nik;
        private String name;
        private String sex;
        private LocalDate birth;
        private String village;
        private WorkerCategory category;
        private Integer decile;
        private List<Programme> programmes;
        private Segment segment;
        private BigDecimal wage;
        private RiskGroup risk;
        private String payer;
        private LocalDate start;

        Builder(WorkerInput in) {
            nik = in.nik();
            name = in.name();
            sex = in.sex();
            birth = in.birthDate();
            village = in.villageCode();
            category = in.category();
            decile = in.povertyDecile();
            programmes = in.programmes();
            segment = in.segment();
            wage = in.wage();
            risk = in.riskGroup();
            payer = in.payer();
            start = in.startDate();
        }

        Builder nik(String v) { nik = v; return this; }
        Builder name(String v) { name = v; return this; }
        Builder sex(String v) { sex = v; return this; }
        Builder birth(LocalDate v) { birth = v; return this; }
        Builder village(String v) { village = v; return this; }
        Builder category(WorkerCategory v) { category = v; return this; }
        Builder decile(Integer v) { decile = v; return this; }
        Builder programmes(List<Programme> v) { programmes = v; return this; }
        Builder segment(Segment v) { segment = v; return this; }
        Builder wage(String v) { wage = v == null ? null : new BigDecimal(v); return this; }
        Builder risk(RiskGroup v) { risk = v; return this; }
        Builder payer(String v) { payer = v; return this; }
        Builder start(LocalDate v) { start = v; return this; }

        WorkerInput build() {
            return new WorkerInput(nik, name, sex, birth, village, category, decile, programmes, segment, wage, risk, payer, start);
        }
    }
}
