package id.lindung.shared;

/** A worker's protection for one programme on one date. */
public enum ProtectionStatus {
    /** The month is paid (or, for BPU, paid back within the window). */
    PROTECTED,
    /** The month is not paid yet but not yet due. */
    IN_GRACE,
    /** Overdue and unpaid: not protected until paid back within the window. */
    LAPSED,
    /** The membership ended: by its end date, or (BPU) after more than the allowed consecutive unpaid months. */
    ENDED
}
