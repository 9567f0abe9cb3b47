package id.lindung.coverage;

import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds the Inpres 2/2021 monitoring and evaluation report (MonevReport) of a province or regency for a semester
 * from the coverage indicators (so its figures are the API's), billing's published line money (APBD and APBDes
 * contributions) and the register of regional regulations. Scope as everywhere: a region outside the caller's is
 * not found.
 */
@Service
public class MonevReports {

    private static final Pattern SEMESTER = Pattern.compile("(\\d{4})-([12])");
    /** The first semester with the programmes in force (July to December 2015). */
    static final Semester FIRST = new Semester(2015, 2);

    /** A semester: "2025-1" is January to June, "2025-2" July to December. */
    public record Semester(int year, int half) {

        public static Semester parse(String text) {
            Matcher m = SEMESTER.matcher(text == null ? "" : text.strip());
            if (!m.matches()) {
                throw new InvalidInputException("semester", "SEMESTER_INVALID", "semester must be YYYY-1 (January-June) or "
                        + "YYYY-2 (July-December), e.g. 2025-1");
            }
            return new Semester(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        public LocalDate first() {
            return LocalDate.of(year, half == 1 ? 1 : 7, 1);
        }

        public LocalDate last() {
            return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        }

        public Semester previous() {
            return half == 2 ? new Semester(year, 1) : new Semester(year - 1, 2);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%04d-%d", year, half);
        }
    }

    private final CoverageIndicators indicators;
    private final LocalRegulations regulations;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final id.lindung.coverage.internal.BenefitsPaid benefits;

    MonevReports(CoverageIndicators indicators, LocalRegulations regulations, CurrentActor currentActor, Clock clock,
                 id.lindung.coverage.internal.BenefitsPaid benefits) {
        this.benefits = benefits;
        this.indicators = indicators;
        this.regulations = regulations;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The report of {@code region} (a province or regency in scope) for {@code semesterText}. */
    public MonevReport report(String region, String semesterText) {
        Semester semester = Semester.parse(semesterText);
        LocalDate today = LocalDate.now(clock);
        // the same range as every coverage date (CoverageDates): out of it is malformed (400), one not begun a rule (422)
        if (semester.last().isBefore(CoverageDates.EARLIEST)) {
            throw new InvalidInputException("semester", "SEMESTER_INVALID", "semester " + semester + " is before BPJS "
                    + "Ketenagakerjaan's programmes began (" + CoverageDates.EARLIEST + "): the first is " + FIRST);
        }
        // beyond the range every coverage date keeps (a year after today) the semester is out of range (400), as a
        // date is; one within it that has not begun is a rule's refusal (422)
        if (semester.first().isAfter(CoverageDates.latest(today))) {
            throw new InvalidInputException("semester", "OUT_OF_RANGE", "semester " + semester + " begins after "
                    + CoverageDates.latest(today) + ", a year after today (the last date a coverage request may name)");
        }
        if (semester.first().isAfter(today)) {
            throw InvalidInputException.refused("semester", "SEMESTER_IN_FUTURE", "semester " + semester + " has not begun");
        }
        LocalDate asOf = semester.last().isAfter(today) ? today : semester.last();
        LocalDate previousAsOf = semester.previous().last();
        // the first semester has no previous one under the programmes: no change is shown
        boolean compared = !previousAsOf.isBefore(CoverageDates.EARLIEST);
        Coverage here = indicators.of(region, asOf, semester.first(), asOf);
        String level = switch (here.region().length()) {
            case 2 -> RegionScope.NATIONAL_CODE.equals(here.region()) ? "NATION" : "PROVINCE";
            case 5 -> "REGENCY";
            default -> "OTHER";
        };
        if (!level.equals("PROVINCE") && !level.equals("REGENCY")) {
            // the nation is no district or village: a national reader asking without a region was told it was (audit14)
            throw InvalidInputException.refused("region", "REGION_LEVEL_NOT_REPORTED", "the monitoring report is made for a "
                    + "province or a regency/city, " + (level.equals("NATION") ? "not for the nation (" + here.region()
                    + "): choose a province or a regency/city" : "not for a district or village such as " + here.region()));
        }
        Coverage before = compared ? indicators.of(here.region(), previousAsOf) : null;
        List<Coverage> children = indicators.children(here.region(), asOf, semester.first(), asOf);
        Map<String, Coverage> childrenBefore = !compared ? Map.of() : indicators.children(here.region(), previousAsOf).stream()
                .collect(Collectors.toMap(Coverage::region, Function.identity()));
        List<MonevReport.Row> rows = children.stream().map(c -> row(c, childrenBefore.get(c.region()))).toList();

        List<MonevReport.Contribution> moneyRows = children.stream().map(MonevReports::contribution).toList();
        MonevReport.Contribution moneyTotal = new MonevReport.Contribution(here.region(), here.name(),
                sum(moneyRows, MonevReport.Contribution::apbdBilled), sum(moneyRows, MonevReport.Contribution::apbdPaid),
                sum(moneyRows, MonevReport.Contribution::apbdesBilled), sum(moneyRows, MonevReport.Contribution::apbdesPaid));

        List<DesaSadarVillages.Village> sadar = indicators.desaSadar(here.region(), asOf, DesaSadarVillages.Status.SADAR).villages();
        Coverage.Money m = here.money();
        RegionScope area = RegionScope.of(here.region());
        MonevReport.Claims claims = new MonevReport.Claims(benefits.casesPaid(area.lo(), area.hi(), semester.first(), asOf), m.benefitsPaid(), m.paid(), m.benefitsSource(), m.lossRatio());
        List<LocalRegulation> inForce = regulations.inForceDuring(here.region(), semester.first(), asOf, currentActor.get().scope());
        return new MonevReport(here.region(), here.name(), level, semester.toString(), semester.first(), asOf, previousAsOf,
                row(here, before), rows, moneyRows, moneyTotal, sadar, claims, inForce);
    }

    private static MonevReport.Row row(Coverage now, Coverage before) {
        BigDecimal previousRatio = before == null ? null : before.ratio();
        BigDecimal change = now.ratio() == null || previousRatio == null ? null
                : now.ratio().subtract(previousRatio).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        Coverage.Apparatus a = now.apparatus();
        return new MonevReport.Row(now.region(), now.name(), now.potential(), now.registered(), now.protectedWorkers(),
                now.ratio(), before == null ? null : (Long) before.registered(), before == null ? null : (Long) before.protectedWorkers(),
                previousRatio, change, a == null ? 0 : a.registered(), a == null ? 0 : a.protectedWorkers(),
                a == null || a.bpd() == null ? 0 : a.bpd().registered(), a == null || a.bpd() == null ? 0 : a.bpd().protectedWorkers(),
                a == null || a.rtRw() == null ? 0 : a.rtRw().registered(), a == null || a.rtRw() == null ? 0 : a.rtRw().protectedWorkers(),
                now.desaSadar() == null ? 0 : now.desaSadar().villages(), now.desaSadar() == null ? 0 : now.desaSadar().desa());
    }

    /**
     * APBD and APBDes contributions of a child region over the semester to asOf: the lines of its workers (by the
     * worker's village on the line) owed by APBD and APBDes payers, billed after reversals and paid by asOf, from the
     * indicators' money by payer kind (kept in the rollups: no bill line is read).
     */
    private static MonevReport.Contribution contribution(Coverage child) {
        Map<String, Coverage.PayerKindMoney> kinds = child.money().byPayerKind();
        Coverage.PayerKindMoney apbd = kinds.getOrDefault("APBD", Coverage.PayerKindMoney.NONE);
        Coverage.PayerKindMoney apbdes = kinds.getOrDefault("APBDES", Coverage.PayerKindMoney.NONE);
        return new MonevReport.Contribution(child.region(), child.name(), apbd.billed(), apbd.paid(), apbdes.billed(), apbdes.paid());
    }

    private static Rupiah sum(List<MonevReport.Contribution> rows, Function<MonevReport.Contribution, Rupiah> part) {
        Rupiah total = Rupiah.ZERO;
        for (MonevReport.Contribution c : rows) {
            total = total.plus(part.apply(c));
        }
        return total;
    }

    /** The last {@code count} semesters that have begun, newest first (for the page's choice). */
    public List<String> recentSemesters(int count) {
        LocalDate today = LocalDate.now(clock);
        Semester s = new Semester(today.getYear(), today.getMonthValue() <= 6 ? 1 : 2);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < count; i++, s = s.previous()) {
            result.add(s.toString());
        }
        return result;
    }
}
