package id.lindung.registry;

/** A worker's status, stored by name in {@code worker.status} and in the status history. */
public enum WorkerStatus {
    ACTIVE(null),
    DECEASED(EndReason.DECEASED),
    /**
     * Moved out of the area Lindung covers. Not TRANSFERRED: billing reads a term closed as TRANSFERRED as having a
     * successor that bills its last month, and a worker who moved away has none.
     */
    MOVED(EndReason.OTHER),
    INACTIVE(EndReason.OTHER);

    private final EndReason endsTermsAs;

    WorkerStatus(EndReason endsTermsAs) {
        this.endsTermsAs = endsTermsAs;
    }

    /** The reason the open membership terms end with when the worker takes this status; null when they stay open. */
    public EndReason endsTermsAs() {
        return endsTermsAs;
    }
}
