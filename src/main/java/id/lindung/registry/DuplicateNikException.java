package id.lindung.registry;

/**
 * The NIK is already registered. {@link #where()} is filled only when the caller may see that worker;
 * otherwise the caller learns only that the NIK exists elsewhere.
 */
public class DuplicateNikException extends RuntimeException {

    /** Where the existing worker is, when the caller's scope covers it. */
    public record Location(String villageCode, String villageName, WorkerCategory category) {}

    private final String nik;
    private final transient Location where;

    public DuplicateNikException(String nik, Location where) {
        super(where == null ? "NIK " + nik + " is already registered in another area; ask for a transfer instead of registering again"
                : "NIK " + nik + " is already registered in '" + where.villageName() + "' (" + where.villageCode() + ") as "
                        + where.category() + "; transfer the worker instead of registering again");
        this.nik = nik;
        this.where = where;
    }

    public String nik() {
        return nik;
    }

    public Location where() {
        return where;
    }
}
