package id.lindung.registry;
import id.lindung.shared.Segment;

import id.lindung.region.Region;
import id.lindung.region.Regions;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What {@link WorkerInputRules} needs to know, from the region hierarchy and the regulation in force. */
@Component
class WorkerFacts implements WorkerInputRules.Facts {

    private final NikChecker nikChecker;
    private final Regions regions;
    private final BpuIncomeRange bpuIncome;
    private final DefaultWages defaultWages;
    private final id.lindung.regulation.RegulationCatalog catalog;
    private final WorkerInputRules rules = new WorkerInputRules(this);

    WorkerFacts(NikChecker nikChecker, Regions regions, BpuIncomeRange bpuIncome, DefaultWages defaultWages,
                id.lindung.regulation.RegulationCatalog catalog) {
        this.catalog = catalog;
        this.nikChecker = nikChecker;
        this.regions = regions;
        this.bpuIncome = bpuIncome;
        this.defaultWages = defaultWages;
    }

    /** The rules, told about the world by these facts. */
    WorkerInputRules rules() {
        return rules;
    }

    @Override
    public boolean districtExists(String districtCode) {
        return nikChecker.districtCodes().contains(districtCode);
    }

    @Override
    public Optional<Boolean> isDesa(String villageCode) {
        return regions.lookup(villageCode).map(Region::isDesa);
    }

    @Override
    public boolean apbdRegionExists(String regionCode) {
        return regions.exists(regionCode);
    }

    @Override
    public BpuIncomeRange.Range bpuIncomeRange(LocalDate on) {
        return bpuIncome.range(on);
    }

    @Override
    public Rupiah usualMinimumWage(LocalDate on) {
        return id.lindung.contribution.LowWage.usualMinimum(catalog, on);
    }

    @Override
    public Optional<Rupiah> defaultWage(WorkerCategory category, Segment segment, LocalDate start) {
        return defaultWages.wage(category, segment, start);
    }

    @Override
    public LocalDate today() {
        return nikChecker.today();
    }
}
