package id.lindung.registry;

/** A worker's status, stored by name in {@code worker.status} and in the status history. */
public enum WorkerStatus {
    ACTIVE(null),
    DECEASED(EndReason.DECEASED),
    /**
     * Moved out of the area Lindung covers. Not TRANSFERRED: a transferred term is {@linkplain EndReason#continued()
     * continued} by a term in the new village, and a worker who moved away has none.
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
