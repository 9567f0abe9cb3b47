package id.lindung.registry;

import id.lindung.registry.WorkerInputRules.Facts;
import id.lindung.registry.WorkerInputRules.Field;
import id.lindung.registry.WorkerInputRules.TermInput;
import id.lindung.registry.WorkerInputRules.WorkerInput;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Fills in the membership values a worker's input leaves blank, by category (docs/opensid-import.md), before the
 * rules judge it; a value the edge could not read is never replaced.
 */
final class MembershipDefaults {

    private final Facts facts;

    MembershipDefaults(Facts facts) {
        this.facts = facts;
    }

    WorkerInput withDefaults(WorkerInput in, LocalDate defaultStart, Set<Field> unreadable) {
        if (!in.opensMemberships()) {
            return in;
        }
        if (in.category() == null) {
            // the start does not depend on the category; the rest does and stays as given
            return new WorkerInput(in.nik(), in.name(), in.sex(), in.birthDate(), in.villageCode(), null, in.povertyDecile(),
                    in.programmes(), in.segment(), in.wage(), in.riskGroup(), in.payer(),
                    in.startDate() != null || unreadable.contains(Field.START_DATE) ? in.startDate() : defaultStart);
        }
        if (!unreadable.isEmpty()) {
            // a value the edge could not read is missing for a reason: it is never replaced by a default
            WorkerInput d = withDefaults(in, unreadable.contains(Field.START_DATE) ? null : defaultStart, Set.of());
            return new WorkerInput(in.nik(), in.name(), in.sex(), in.birthDate(), in.villageCode(), in.category(),
                    in.povertyDecile(), in.programmes(), unreadable.contains(Field.SEGMENT) ? null : d.segment(),
                    unreadable.contains(Field.WAGE) || unreadable.contains(Field.SEGMENT) ? in.wage() : d.wage(),
                    unreadable.contains(Field.RISK_GROUP) ? null : d.riskGroup(), d.payer(), d.startDate());
        }
        Segment segment = in.segment() != null ? in.segment() : in.category().defaultSegment();
        String payer = in.payer();
        if (payer == null || payer.isBlank()) {
            boolean desa = in.villageCode() != null && facts.isDesa(in.villageCode()).orElse(false);
            payer = in.category().isVillageOfficial() && desa ? "APBDES" : segment == Segment.PU ? null : "SELF";
        }
        LocalDate start = in.startDate() != null ? in.startDate() : defaultStart;
        BigDecimal wage = in.wage() != null || start == null ? in.wage()
                : facts.defaultWage(in.category(), segment, start).map(Rupiah::toBigDecimal).orElse(null);
        return new WorkerInput(in.nik(), in.name(), in.sex(), in.birthDate(), in.villageCode(), in.category(),
                in.povertyDecile(), in.programmes(), segment, wage, riskOrDefault(segment, in.riskGroup()), payer, start);
    }

    static TermInput withDefaults(TermInput t) {
        return new TermInput(t.program(), t.segment(), t.wage(), riskOrDefault(t.segment(), t.riskGroup()), t.payer(),
                t.startDate());
    }

    /**
     * Billing finds a PU term's JKK rate by its risk group, so a PU term always has one: when none is given it is
     * VERY_LOW, the group village payrolls use and the one the bulk import assumes for a row without one.
     */
    static RiskGroup riskOrDefault(Segment segment, RiskGroup risk) {
        return risk == null && segment == Segment.PU ? RiskGroup.VERY_LOW : risk;
    }
}
