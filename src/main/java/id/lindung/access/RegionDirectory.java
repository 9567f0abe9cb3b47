package id.lindung.access;

/**
 * What access needs to know of the region hierarchy, provided by the region module so that access
 * does not depend on it.
 */
public interface RegionDirectory {

    /** True when {@code code} is an active official region code. */
    boolean exists(String code);

    /**
     * True when {@code code} is an official region code, active or retired: a code dropped from a newer official list
     * is retired, never deleted, and its workers, payers and bills keep it, so a list filtered by it must still answer.
     */
    boolean known(String code);
}
