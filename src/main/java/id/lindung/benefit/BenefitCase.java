package id.lindung.benefit;

/** The benefit cases the calculator quotes. */
public enum BenefitCase {
    /** Death not caused by work (Jaminan Kematian). */
    JKM_DEATH,
    /** Death from a work accident or occupational disease. */
    JKK_DEATH,
    /** Total permanent disability from a work accident. */
    JKK_TOTAL_DISABILITY,
    /** Partial permanent disability from a work accident, as a percentage of the table. */
    JKK_PARTIAL_DISABILITY,
    /** Temporary inability to work (STMB) for a number of months. */
    JKK_TEMPORARY_DISABILITY,
    /** Old-age pension (Jaminan Pensiun). */
    JP_OLD_AGE,
    /** Job loss (Jaminan Kehilangan Pekerjaan). */
    JKP,
    /** Payout of the old-age savings balance (Jaminan Hari Tua), in full or a partial claim; see {@link JhtReason}. */
    JHT_PAYOUT
}
