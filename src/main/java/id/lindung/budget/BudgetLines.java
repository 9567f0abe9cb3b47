package id.lindung.budget;

/**
 * The budget lines a plan's costs are written on (docs/budget.md, "Budget lines"). An APBDes writes its officials'
 * contributions on the personnel line (penghasilan tetap dan tunjangan) and vulnerable workers' on social protection; an
 * APBD by paying agency (a cohort's budget line names it; registered memberships follow the village rule); an employer or
 * donor has one line.
 */
public final class BudgetLines {

    public static final String PERSONNEL = "PERSONNEL";
    public static final String SOCIAL_PROTECTION = "SOCIAL_PROTECTION";
    public static final String ALL = "ALL";

    private BudgetLines() {}

    /** The line of a person of a category for a payer kind. */
    public static String of(String payerKind, boolean villageApparatus) {
        if (!"APBDES".equals(payerKind) && !"APBD".equals(payerKind)) {
            return ALL;
        }
        return villageApparatus ? PERSONNEL : SOCIAL_PROTECTION;
    }
}
