package id.lindung.registry;

/**
 * When the planner's row count of a table is too far behind what is known to be in it for set-based statements to be
 * planned safely. An underestimate of a few times only moves costs; a table planned as (nearly) empty while it holds
 * tens of thousands of rows turns joins into nested loops driven by it, whose time grows with the product of the sides.
 */
final class PlannerStatistics {

    /** Below this many known rows a wrong plan costs too little to pay for an ANALYZE. */
    static final long MIN_ROWS = 1_000;

    private PlannerStatistics() {
    }

    /**
     * {@code planned} is {@code pg_class.reltuples} (−1 when never analysed, when the planner goes by the table's size
     * on disk, which a vacuumed table's empty pages make wrong as well); {@code known} a lower bound of its live rows.
     */
    static boolean behind(double planned, long known) {
        return known >= MIN_ROWS && planned < known / 2.0;
    }
}
