package id.lindung.registry;

import static id.lindung.registry.WorkerInputRules.EARLIEST_START;
import static id.lindung.registry.WorkerInputRules.MAX_DAYS_AHEAD;
import static id.lindung.registry.WorkerInputRules.MAX_WAGE_DIGITS;

import id.lindung.platform.TextRules;
import id.lindung.registry.WorkerInputRules.Code;
import id.lindung.registry.WorkerInputRules.Facts;
import id.lindung.registry.WorkerInputRules.Field;
import id.lindung.registry.WorkerInputRules.Problem;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules on a membership's terms, the same for a registration, a change of terms and a transfer: the wage or
 * declared income, the start date and the payer.
 */
final class TermRules {

    private final Facts facts;

    TermRules(Facts facts) {
        this.facts = facts;
    }

    /** A start date between the programmes' start and {@code MAX_DAYS_AHEAD} days from today; none is no problem here. */
    void startInRange(LocalDate start, List<Problem> p) {
        if (start != null && (start.isBefore(EARLIEST_START) || start.isAfter(facts.today().plusDays(MAX_DAYS_AHEAD)))) {
            p.add(new Problem(Field.START_DATE, Code.START_DATE_OUT_OF_RANGE, "start date " + start + " must lie between "
                    + EARLIEST_START + " and " + facts.today().plusDays(MAX_DAYS_AHEAD)));
        }
    }

    Optional<PayerRef> payer(Segment segment, String spec, String villageCode, String nik, List<Problem> problems) {
        if (spec != null && TextRules.invalidCharacter(spec, false)) {
            problems.add(new Problem(Field.PAYER, Code.INVALID_CHARACTER, "payer has a control, invisible or direction-changing character"));
            return Optional.empty();
        }
        try {
            PayerRef payer = PayerRef.parse(spec, villageCode, nik);
            Problem wrong = null;
            if (payer.kind().equals("APBDES") && !facts.isDesa(villageCode).orElse(false)) {
                wrong = new Problem(Field.PAYER, Code.NO_APBDES, villageCode + " is a kelurahan and has no APBDes");
            } else if (payer.kind().equals("APBD") && !facts.apbdRegionExists(payer.regionCode())) {
                wrong = new Problem(Field.PAYER, Code.REGION_UNKNOWN, "APBD region " + payer.regionCode()
                        + " is not a province or regency code");
            } else if (segment == Segment.PU && !payer.canEmploy()) {
                wrong = new Problem(Field.PAYER, Code.PU_NEEDS_EMPLOYER, "a wage earner (PU) needs an employer payer, not SELF");
            }
            if (wrong != null) {
                problems.add(wrong);
                return Optional.empty();
            }
            return Optional.of(payer);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Field.PAYER, Code.PAYER_INVALID, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Every problem of a membership's terms.
     *
     * @param defaulted whether blank values were filled in by {@link MembershipDefaults}: a wage still missing then
     *                  means no default is in force, or the category or start that choose it are missing (and reported
     *                  as such)
     */
    void check(Segment segment, BigDecimal wage, String payer, LocalDate start, boolean defaulted,
               boolean categoryKnown, String villageCode, String nik, Set<Field> unreadable, List<Problem> p) {
        if (!unreadable.contains(Field.WAGE)) {
            if (wage == null) {
                if (!defaulted) {
                    p.add(new Problem(Field.WAGE, Code.WAGE_REQUIRED, "wage or declared income is required"));
                } else if (categoryKnown && start != null) {
                    p.add(new Problem(Field.WAGE, Code.WAGE_REQUIRED, "no default wage is in force on " + start
                            + " (regulations/village-wages.yaml); give the wage"));
                }
            } else if (wage.signum() <= 0) {
                p.add(new Problem(Field.WAGE, Code.WAGE_NOT_POSITIVE, "wage or declared income must be above zero"));
            } else if (wage.scale() > 2) {
                p.add(new Problem(Field.WAGE, Code.WAGE_SCALE, "wage may have at most 2 decimals"));
            } else if (wage.precision() - wage.scale() > MAX_WAGE_DIGITS) {
                p.add(new Problem(Field.WAGE, Code.WAGE_TOO_LARGE, "wage has more than " + MAX_WAGE_DIGITS + " digits"));
            } else if (segment == Segment.BPU && start != null) {
                BpuIncomeRange.Range range = facts.bpuIncomeRange(start);
                if (!range.contains(Rupiah.of(wage))) {
                    p.add(new Problem(Field.WAGE, Code.BPU_INCOME_OUT_OF_RANGE, "declared income " + wage.toPlainString()
                            + " for a BPU participant must be between " + range.min().toBigDecimal().toPlainString() + " and "
                            + range.max().toBigDecimal().toPlainString()));
                }
            }
        }
        if (start == null && !unreadable.contains(Field.START_DATE)) {
            p.add(new Problem(Field.START_DATE, Code.REQUIRED, "start date is required"));
        } else {
            startInRange(start, p);
        }
        if (unreadable.contains(Field.PAYER) || !categoryKnown) {
            return;
        }
        if (payer == null || payer.isBlank()) {
            p.add(new Problem(Field.PAYER, Code.REQUIRED, defaulted ? "payer is required for a wage earner (PU) outside a desa"
                    : "payer is required"));
        } else if (villageCode != null && facts.isDesa(villageCode).isPresent()) {
            payer(segment, payer, villageCode, nik, p);
        }
    }
}
