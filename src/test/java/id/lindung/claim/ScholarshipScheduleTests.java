package id.lindung.claim;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.benefit.BenefitCalculator;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scholarship years of each child (RULES.md 4.3) by the regulation's table, over several school years, to the age stop. */
class ScholarshipScheduleTests {

    private static final RegulationCatalog CATALOG = RegulationCatalog.loadBundled();
    private static final ClaimBenefit BENEFIT = new ClaimBenefit(new BenefitCalculator(CATALOG), CATALOG);
    private static final LocalDate DEATH = LocalDate.of(2025, 3, 10);

    private static String years(List<ScholarshipSchedule.Year> years, int child) {
        return years.stream().filter(y -> y.child() == child).map(y -> y.schoolYear() + ":" + y.level() + ":" + rp(y.amount()))
                .collect(Collectors.joining(" "));
    }

    private static Rupiah sum(List<ScholarshipSchedule.Year> years) {
        return years.stream().map(ScholarshipSchedule.Year::amount).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    @Test
    void aPrimaryPupilClimbsEveryYearThroughTheTableUntilTheTableRunsOut() {
        // 8 on 1 July 2024 (school year 2024/2025): SD class 3, the 5th of the 8 TK_SD years
        var table = BENEFIT.scholarshipTable(ClaimType.JKM_DEATH, DEATH);
        var years = ScholarshipSchedule.of(List.of(new ScholarshipSchedule.Child(1, LocalDate.of(2015, 8, 1), SchoolLevel.SD)), DEATH, table);
        assertThat(years(years, 1)).isEqualTo("2024:TK_SD:1500000 2025:TK_SD:1500000 2026:TK_SD:1500000 2027:TK_SD:1500000"
                + " 2028:SMP:2000000 2029:SMP:2000000 2030:SMP:2000000 2031:SMA:3000000 2032:SMA:3000000 2033:SMA:3000000"
                + " 2034:UNIVERSITY:12000000 2035:UNIVERSITY:12000000 2036:UNIVERSITY:12000000 2037:UNIVERSITY:12000000"
                + " 2038:UNIVERSITY:12000000");
        // 4 x 1.5M + 3 x 2M + 3 x 3M + 5 x 12M
        assertThat(sum(years)).isEqualTo(Rupiah.of(81_000_000));
    }

    @Test
    void theScholarshipStopsBeforeTheSchoolYearThatStartsAtAge23() {
        // 19 on 1 July 2024, last SMA year; university at 20, 21, 22; the school year 2028/2029 starts at 23
        var table = BENEFIT.scholarshipTable(ClaimType.JKM_DEATH, DEATH);
        var years = ScholarshipSchedule.of(List.of(new ScholarshipSchedule.Child(1, LocalDate.of(2005, 3, 1), SchoolLevel.SMA)), DEATH, table);
        assertThat(years(years, 1)).isEqualTo("2024:SMA:3000000 2025:UNIVERSITY:12000000 2026:UNIVERSITY:12000000 2027:UNIVERSITY:12000000");
        // born 2 July 2005: still 22 on 1 July 2028, so that year is paid too
        var later = ScholarshipSchedule.of(List.of(new ScholarshipSchedule.Child(1, LocalDate.of(2005, 7, 2), SchoolLevel.SMA)), DEATH, table);
        assertThat(years(later, 1)).endsWith("2028:UNIVERSITY:12000000");
    }

    @Test
    void aChildBelowSchoolAgeStartsOnEnteringKindergartenAndTwoChildrenNeverPassTheMaxima() {
        var table = BENEFIT.scholarshipTable(ClaimType.JKK_DEATH, DEATH);
        var years = ScholarshipSchedule.of(List.of(new ScholarshipSchedule.Child(1, LocalDate.of(2023, 1, 1), SchoolLevel.NONE),
                new ScholarshipSchedule.Child(2, LocalDate.of(2022, 1, 1), SchoolLevel.NONE)), DEATH, table);
        assertThat(years(years, 1)).startsWith("2027:TK_SD:1500000 ");
        assertThat(years(years, 2)).startsWith("2026:TK_SD:1500000 ");
        // each child the whole table: 8 x 1.5M + 3 x 2M + 3 x 3M + 5 x 12M = 87M; the case 174M
        assertThat(table.perChildMax()).isEqualTo(Rupiah.of(87_000_000));
        assertThat(table.perCaseMax()).isEqualTo(Rupiah.of(174_000_000));
        assertThat(sum(years.stream().filter(y -> y.child() == 1).toList())).isEqualTo(Rupiah.of(87_000_000));
        assertThat(sum(years)).isEqualTo(Rupiah.of(174_000_000));
    }

    @Test
    void beforePpEightyTwoOneChildReceivesTheFlatAmountOnce() {
        LocalDate death = LocalDate.of(2019, 6, 1);
        var table = BENEFIT.scholarshipTable(ClaimType.JKM_DEATH, death);
        assertThat(table.flat()).isTrue();
        assertThat(table.maxChildren()).isEqualTo(1);
        var years = ScholarshipSchedule.of(List.of(new ScholarshipSchedule.Child(1, LocalDate.of(2010, 1, 1), SchoolLevel.SD)), death, table);
        assertThat(years(years, 1)).isEqualTo("2018:FLAT:12000000");
    }

    @Test
    void schoolYearsStartInJuly() {
        assertThat(ScholarshipSchedule.schoolYearOf(LocalDate.of(2025, 6, 30))).isEqualTo(2024);
        assertThat(ScholarshipSchedule.schoolYearOf(LocalDate.of(2025, 7, 1))).isEqualTo(2025);
        assertThat(ScholarshipSchedule.label(2025)).isEqualTo("2025/2026");
        assertThat(ScholarshipSchedule.parseLabel("2025/2026")).isEqualTo(2025);
        assertThat(ScholarshipSchedule.parseLabel("2025/2027")).isNull();
        assertThat(ScholarshipSchedule.parseLabel("2025")).isNull();
    }

    private static String rp(Rupiah amount) {
        return amount.toBigDecimal().stripTrailingZeros().toPlainString();
    }
}
