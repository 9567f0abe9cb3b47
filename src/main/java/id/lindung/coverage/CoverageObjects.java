package id.lindung.coverage;

import id.lindung.coverage.internal.BenefitsPaid;
import id.lindung.coverage.internal.IndicatorSql;
import id.lindung.region.WholeWorkforce;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published {@link Coverage} object of each target, assembled from the figures read for it: every known segment,
 * category, payer kind, programme, apparatus group and decile present (zero where nothing was counted). Apart from
 * {@link CoverageIndicators}, which decides where the figures are read (the rollups or the published views), because
 * the object is assembled alike from either.
 */
final class CoverageObjects {

    private static final List<String> SEGMENTS = List.of("PU", "BPU");
    private static final List<String> PAYER_KINDS = List.of("APBDES", "APBD", "EMPLOYER", "SELF", "DONOR");
    private static final List<String> PROGRAMMES = List.of("JKK", "JKM", "JHT", "JP", "JKP");

    private CoverageObjects() {}

    /** One object per target, in the targets' order; a map is keyed by the target's group ("" for the nation). */
    static List<Coverage> of(List<CoverageIndicators.Target> targets, LocalDate date, LocalDate from, LocalDate to,
                             Map<String, Map<String, Map<String, Coverage.Count>>> counts,
                             Map<String, IndicatorSql.MoneyRow> money, Map<String, Rupiah> paidBenefits, BenefitsPaid benefits,
                             Map<String, WholeWorkforce> potentials, List<String> categories) {
        List<Coverage> result = new ArrayList<>();
        for (CoverageIndicators.Target t : targets) {
            String g = t.national() ? "" : t.code();
            Map<String, Map<String, Coverage.Count>> c = counts.getOrDefault(g, Map.of());
            Coverage.Count all = count(c, "ALL", "");
            WholeWorkforce potential = potentials.get(t.code());
            IndicatorSql.MoneyRow m = money.get(g);
            Rupiah billed = m == null ? Rupiah.ZERO : m.billed();
            Rupiah paid = m == null ? Rupiah.ZERO : m.paid();
            Rupiah benefitsPaid = paidBenefits.getOrDefault(g, Rupiah.ZERO);
            boolean connected = !BenefitsPaid.NOT_CONNECTED.equals(benefits.source());
            Map<String, Coverage.Count> deciles = new LinkedHashMap<>();
            for (int i = 1; i <= 10; i++) {
                deciles.put(String.valueOf(i), count(c, "POVERTY", String.valueOf(i)));
            }
            deciles.put("UNKNOWN", count(c, "POVERTY", "UNKNOWN"));
            result.add(new Coverage(t.code(), t.name(), date, potential.workers(), potential.status().name(),
                    Coverage.PotentialBelow.of(potential.status().name(), potential.below(), potential.belowWhole()),
                    all.registered(), all.protectedWorkers(),
                    Coverage.ratio(BigDecimal.valueOf(all.protectedWorkers()),
                            potential.workers() == null ? null : BigDecimal.valueOf(potential.workers())),
                    split(c, "SEGMENT", SEGMENTS), split(c, "CATEGORY", categories), split(c, "PAYER_KIND", PAYER_KINDS),
                    split(c, "PROGRAMME", PROGRAMMES),
                    apparatus(c),
                    new Coverage.DesaSadarCount(count(c, "DESA_SADAR", "").registered(), count(c, "DESA", "").registered()),
                    new Coverage.Money(from, to, billed, paid, billed.minus(paid), benefitsPaid, benefits.source(),
                            connected ? Coverage.ratio(benefitsPaid.toBigDecimal(), paid.toBigDecimal()) : null, byPayerKind(m)),
                    new Coverage.ExtremePoverty(deciles.values().stream().reduce(Coverage.Count.ZERO, Coverage.Count::plus), deciles)));
        }
        return result;
    }

    private static Coverage.Apparatus apparatus(Map<String, Map<String, Coverage.Count>> c) {
        Coverage.Count government = count(c, "APPARATUS", "GOVERNMENT");
        return new Coverage.Apparatus(government.registered(), government.protectedWorkers(), count(c, "APPARATUS", "BPD"),
                count(c, "APPARATUS", "RT_RW"));
    }

    private static Map<String, Coverage.Count> split(Map<String, Map<String, Coverage.Count>> c, String dimension, List<String> keys) {
        Map<String, Coverage.Count> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, count(c, dimension, k)));
        // a key outside the known list (a category added since) still shows
        c.getOrDefault(dimension, Map.of()).forEach((k, v) -> result.putIfAbsent(k, v));
        return result;
    }

    /** Billed and paid by payer kind, every known kind present (zero where none is owed), as byPayerKind counts. */
    private static Map<String, Coverage.PayerKindMoney> byPayerKind(IndicatorSql.MoneyRow m) {
        Map<String, Coverage.PayerKindMoney> result = new LinkedHashMap<>();
        PAYER_KINDS.forEach(k -> result.put(k, Coverage.PayerKindMoney.NONE));
        if (m != null) {
            m.byKind().forEach((k, v) -> result.put(k, new Coverage.PayerKindMoney(v.billed(), v.paid())));
        }
        return result;
    }

    private static Coverage.Count count(Map<String, Map<String, Coverage.Count>> c, String dimension, String key) {
        return c.getOrDefault(dimension, Map.of()).getOrDefault(key, Coverage.Count.ZERO);
    }
}
