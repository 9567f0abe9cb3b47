package id.lindung.access;

/**
 * What access needs to know of the region hierarchy, provided by the region module so that access
 * does not depend on it.
 */
public interface RegionDirectory {

    /** True when {@code code} is an active official region code. */
    boolean exists(String code);
}
