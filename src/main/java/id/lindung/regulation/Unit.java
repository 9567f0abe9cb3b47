package id.lindung.regulation;

/** The unit every regulation value states explicitly. */
public enum Unit {
    /** A percentage, for example 0.24 for 0.24%. */
    PERCENT,
    /** An amount in rupiah. */
    RUPIAH,
    /** A whole number of months. */
    MONTHS,
    /** A whole number of years. */
    YEARS,
    /** A day of the month (1–31). */
    DAY_OF_MONTH,
    /** A whole count (children, persons). */
    COUNT,
    /** A multiplier of a wage, for example 80. */
    FACTOR,
    /** A named rule from a fixed list, for example NEXT_WORKING_DAY. */
    CODE,
    /** A calendar date, for example 2022-04-15 (a deadline or a cut-off that a regulation names). */
    DATE
}
