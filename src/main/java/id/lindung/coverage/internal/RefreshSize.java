package id.lindung.coverage.internal;

/**
 * Whether a refresh of the coverage rollups recomputes its work list or rebuilds everything instead: recomputing a
 * worker costs more than a rebuild pays for one (at 241,210 workers, with the money summed alongside: 4.3-4.6 s for 10 %
 * of them, 10.8-11.1 s for 29 %, 21.0 s for 58 %, 26.2 s for 73 %, 30.9 s for 87 %; a rebuild 25.8-27.5 s;
 * docs/benchmarks.md "A refresh or a rebuild"), so past about 70 % of the register one pass over the views costs less.
 * A share of the register, not a number of villages: a province's monthly file logs its villages whole, and at national
 * size a fixed 5,000 villages made a province with 6,500 villages (8 % of the workers) rebuild the whole country.
 *
 * @param share      a work list above this share of the workers the rollups hold rebuilds (lindung.coverage.full-rebuild-share)
 * @param minWorkers a work list smaller than this is always recomputed: counting the register costs more than it does
 * @param maxWorkers a work list larger than this always rebuilds, whatever the share: the list goes to the statements
 *                   as one array (about 24 bytes a worker in the heap of a 512 MB server)
 */
record RefreshSize(double share, int minWorkers, int maxWorkers) {

    /** The decision and its stable code, which the rebuild's log line names. */
    enum Decision {
        /** Recompute the listed workers and villages. */
        REFRESH,
        /** The change logs name more workers than a list may hold. */
        REBUILD_NAMED_WORKERS_CAP,
        /** More than the share of the villages with workers is logged whole (a national billing run or payment file). */
        REBUILD_VILLAGES_SHARE,
        /** The work list, once listed, holds more workers than a list may. */
        REBUILD_LISTED_CAP,
        /** The work list, once listed, holds more than the share of the workers the rollups hold. */
        REBUILD_LISTED_SHARE;

        boolean rebuilds() {
            return this != REFRESH;
        }
    }

    /**
     * How many workers and villages the rollups hold (have a span): estimates from the planner's statistics, the
     * denominators of the shares.
     */
    record Held(double workers, double villages) {}

    RefreshSize {
        if (!(share >= 0) || minWorkers < 0 || maxWorkers < 0) {
            throw new IllegalArgumentException("refresh size: share " + share + ", min " + minWorkers + ", max " + maxWorkers);
        }
    }

    /**
     * Before the work list is filled, from the change logs' counts: a national billing run logs every village with
     * workers whole, and listing its ten million workers first would only add minutes to the rebuild it comes to.
     */
    Decision beforeListing(long namedWorkers, long villagesWhole, Held held) {
        if (namedWorkers > maxWorkers) {
            return Decision.REBUILD_NAMED_WORKERS_CAP;
        }
        return villagesWhole > share * held.villages() ? Decision.REBUILD_VILLAGES_SHARE : Decision.REFRESH;
    }

    /** Once the work list is counted (before it is read into the heap). */
    Decision afterListing(long listed, Held held) {
        if (listed > maxWorkers) {
            return Decision.REBUILD_LISTED_CAP;
        }
        return listed >= minWorkers && listed > share * held.workers() ? Decision.REBUILD_LISTED_SHARE : Decision.REFRESH;
    }
}
