package id.lindung.registry;

import id.lindung.access.Actor;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who sees full NIKs. Roles that register, verify or pay for workers (ADMIN, BPJS_OFFICER, DPMD,
 * VILLAGE_OPERATOR) need the full number and see it for the workers their scope covers (every read is
 * scoped in SQL, so they never see a worker outside it). MONITOR and AUDITOR see the first 6 and last 2,
 * and nothing else that gives the hidden digits back: a self-paying worker's payer code
 * ({@code SELF:<nik>}) shows as {@code SELF}, a birth date (digits 7-12) as its year.
 */
public final class NikPolicy {

    private static final String SELF_PREFIX = "SELF:";

    private NikPolicy() {}

    public static boolean seesFullNik(Actor actor) {
        return actor.role() != null && actor.role().canChangeData();
    }

    public static String show(Actor actor, String nik) {
        return seesFullNik(actor) ? nik : NikCheck.mask(nik);
    }

    /** A payer code as the actor may see it. */
    public static String showPayer(Actor actor, String payerCode) {
        if (payerCode == null || seesFullNik(actor) || !payerCode.startsWith(SELF_PREFIX)) {
            return payerCode;
        }
        return "SELF";
    }

    /** A {@code ;}-separated list of payer codes, as the worker list aggregates them, as the actor may see it. */
    public static String showPayers(Actor actor, String payerCodes) {
        if (payerCodes == null || seesFullNik(actor)) {
            return payerCodes;
        }
        return Arrays.stream(payerCodes.split(";")).map(code -> showPayer(actor, code)).distinct()
                .collect(Collectors.joining(";"));
    }

    /** The birth date as the actor may see it: ISO date, or only the year beside a masked NIK. */
    public static String showBirthDate(Actor actor, LocalDate birthDate) {
        if (birthDate == null) {
            return null;
        }
        return seesFullNik(actor) ? birthDate.toString() : String.valueOf(birthDate.getYear());
    }

    /** A membership term whose payer codes are shown as the actor may see them. */
    public static MembershipTerm show(Actor actor, MembershipTerm t) {
        if (seesFullNik(actor)) {
            return t;
        }
        return new MembershipTerm(t.id(), t.program(), t.segment(), t.wage(), t.riskGroup(), showPayer(actor, t.employerPayerCode()),
                t.employerPayerName(), showPayer(actor, t.workerPayerCode()), t.workerPayerName(), t.validFrom(), t.validTo(),
                t.endReason(), t.createdBy());
    }
}
