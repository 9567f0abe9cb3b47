package id.lindung.importing;

import id.lindung.registry.BpuIncomeRange;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.WorkerInputRules;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.util.Optional;

/** The rules' view of a batch's lookups: what the rules ask the registry, answered from what the batch loaded once. */
final class BatchFacts implements WorkerInputRules.Facts {

    private final WorkerRowParser.Lookups lookups;

    BatchFacts(WorkerRowParser.Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public boolean districtExists(String districtCode) {
        return lookups.districtExists().test(districtCode);
    }

    @Override
    public Optional<Boolean> isDesa(String villageCode) {
        return Optional.ofNullable(lookups.villagesInScope().get(villageCode));
    }

    @Override
    public boolean apbdRegionExists(String regionCode) {
        return lookups.apbdRegions().contains(regionCode);
    }

    @Override
    public BpuIncomeRange.Range bpuIncomeRange(LocalDate on) {
        return lookups.bpuIncomeRange().apply(on);
    }

    @Override
    public Rupiah usualMinimumWage(LocalDate on) {
        // contribution.LowWage's usual minimum is the least BPU declared income (bpu.income.min), loaded once per batch
        return lookups.bpuIncomeRange().apply(on).min();
    }

    @Override
    public Optional<Rupiah> defaultWage(WorkerCategory category, Segment segment, LocalDate start) {
        return lookups.defaultWage().of(category, segment, start);
    }

    @Override
    public LocalDate today() {
        return lookups.today();
    }
}
