package id.lindung.coverage.internal;

import id.lindung.coverage.DesaSadarVillages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Desa Sadar Jamsostek criterion in force from {@code validFrom} (coverage_desa_sadar_rule), and its verdict on
 * one desa. Pure: no database, no clock.
 *
 * <p>A desa is SADAR when at least one person of each {@code requiredPresent} category is registered, every
 * registered person of the {@code requiredAll} categories is protected, and at least {@code shareMinPercent} percent
 * of the registered people of the {@code shareCategories} are protected. It misses by the unprotected people of the
 * required categories plus the people still needed to reach the share; a desa that misses by 1 to
 * {@code nearMissMax} (with every required-present category registered) is NEAR, any other NO. A desa without a
 * registered kepala desa is NO, whatever else: it needs a registration, not a payment.
 */
public record DesaSadarRule(LocalDate validFrom, List<String> requiredPresent, List<String> requiredAll,
                            List<String> shareCategories, BigDecimal shareMinPercent, int nearMissMax,
                            String regulation, String sources) {

    /**
     * One registered person of a Desa Sadar category in the desa, protected or not on the date. The rollups' read
     * judges people by worker id and names only those a verdict lists missing ({@code nik} and {@code name} null until
     * then).
     */
    public record Person(String category, boolean protectedOnDate, String nik, String name, long workerId) {

        public Person(String category, boolean protectedOnDate, String nik, String name) {
            this(category, protectedOnDate, nik, name, 0);
        }
    }

    public record Verdict(DesaSadarVillages.Status status, int misses, List<Person> missing) {}

    public IndicatorSql.Criterion criterion() {
        return new IndicatorSql.Criterion(requiredPresent, requiredAll, shareCategories, shareMinPercent);
    }

    public DesaSadarVillages.Rule published() {
        return new DesaSadarVillages.Rule(validFrom, requiredPresent, requiredAll, shareCategories, shareMinPercent,
                nearMissMax, regulation, sources);
    }

    public Verdict judge(List<Person> people) {
        boolean present = requiredPresent.stream().allMatch(c -> people.stream().anyMatch(p -> p.category().equals(c)));
        List<Person> missing = new ArrayList<>(people.stream()
                .filter(p -> requiredAll.contains(p.category()) && !p.protectedOnDate()).toList());
        List<Person> share = people.stream()
                .filter(p -> shareCategories.contains(p.category()) && !requiredAll.contains(p.category())).toList();
        long shareProtected = share.stream().filter(Person::protectedOnDate).count();
        long shortfall = Math.max(0, needed(share.size()) - shareProtected);
        if (shortfall > 0) {
            missing.addAll(share.stream().filter(p -> !p.protectedOnDate()).toList());
        }
        int misses = (int) (missing.stream().filter(p -> requiredAll.contains(p.category())).count() + shortfall);
        DesaSadarVillages.Status status;
        if (!present) {
            status = DesaSadarVillages.Status.NO;
        } else if (misses == 0) {
            status = DesaSadarVillages.Status.SADAR;
        } else {
            status = misses <= nearMissMax ? DesaSadarVillages.Status.NEAR : DesaSadarVillages.Status.NO;
        }
        return new Verdict(status, misses, List.copyOf(missing));
    }

    /** Protected people a share criterion needs of {@code registered}: the percentage, rounded up. */
    long needed(long registered) {
        return shareMinPercent.multiply(BigDecimal.valueOf(registered)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .longValueExact();
    }
}
