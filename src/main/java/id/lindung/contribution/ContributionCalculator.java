package id.lindung.contribution;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Computes one worker's contribution for one month. Thread-safe; resolves each month's {@link
 * ContributionSchedule} once and keeps it, so a quote does no catalog lookup.
 */
public final class ContributionCalculator {

    private static final Programme[] PROGRAMS = Programme.values();
    private static final int CACHED_YEARS_AFTER_LAST_CHANGE = 10;

    private final RegulationCatalog catalog;
    private final YearMonth firstCached;
    private final AtomicReferenceArray<ContributionSchedule> schedules;

    public ContributionCalculator(RegulationCatalog catalog) {
        this.catalog = catalog;
        List<java.time.LocalDate> changes = catalog.changeDates();
        this.firstCached = YearMonth.from(changes.get(0));
        YearMonth lastCached = YearMonth.from(changes.get(changes.size() - 1)).plusYears(CACHED_YEARS_AFTER_LAST_CHANGE);
        this.schedules = new AtomicReferenceArray<>((int) firstCached.until(lastCached, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    /** The parameters of a contribution month. */
    public ContributionSchedule schedule(YearMonth month) {
        long index = firstCached.until(month, java.time.temporal.ChronoUnit.MONTHS);
        if (index < 0 || index >= schedules.length()) {
            return new ContributionSchedule(catalog, month);
        }
        ContributionSchedule s = schedules.get((int) index);
        if (s == null) {
            s = new ContributionSchedule(catalog, month);
            schedules.set((int) index, s);
        }
        return s;
    }

    public ContributionQuote quote(ContributionRequest request) {
        if (request.programs().isEmpty()) {
            throw new RejectedException("NO_PROGRAMME", "choose at least one programme");
        }
        if (request.wage().isZero() || request.wage().isNegative()) {
            throw new RejectedException("WAGE_NOT_POSITIVE", "the wage or declared income must be more than zero");
        }
        for (Programme program : PROGRAMS) {
            if (request.programs().contains(program)) {
                catalog.requireProgramme(program, request.month().atDay(1));
            }
        }
        ContributionSchedule schedule = schedule(request.month());
        boolean bpu = request.segment() == Segment.BPU;
        if (bpu) {
            if (request.programs().contains(Programme.JP)) {
                throw new RejectedException("BPU_JP_NOT_AVAILABLE", "JP (pension) is not available to BPU participants");
            }
            if (request.programs().contains(Programme.JKP)) {
                throw new RejectedException("BPU_JKP_NOT_AVAILABLE", "JKP (job loss) is not available to BPU participants");
            }
            if (!request.programs().contains(Programme.JKK) || !request.programs().contains(Programme.JKM)) {
                throw new RejectedException("BPU_MINIMUM_PACKAGE", "a BPU participant must take at least JKK and JKM");
            }
        }
        boolean discount = request.labourIntensive() && !request.villageGovernment();
        boolean relief = schedule.reliefApplies(request.registered(), request.paidThrough()) || !schedule.inRelief();
        List<ContributionLine> lines = new ArrayList<>(request.programs().size());
        Rupiah employer = Rupiah.ZERO;
        Rupiah worker = Rupiah.ZERO;
        for (Programme program : PROGRAMS) {
            if (!request.programs().contains(program)) {
                continue;
            }
            ContributionLine line = bpu ? schedule.bpuLine(program, request.wage(), relief)
                    : schedule.puLine(program, request.wage(), request.risk(), discount, relief);
            lines.add(line);
            employer = employer.plus(line.employer());
            worker = worker.plus(line.worker());
        }
        return new ContributionQuote(request.segment(), request.month(), List.copyOf(lines), employer, worker,
                employer.plus(worker), schedule.regulationVersion());
    }
}
