package id.lindung.billing;

/**
 * What a long billing job (a run, a payment file) reports as it goes: the CLI draws its progress bar from it and a
 * job's page shows it. Called on the job's own thread; {@code total} is 0 when the phase cannot say how much is left.
 */
@FunctionalInterface
public interface BillingProgress {

    /** Writing a month's lines; counted in active memberships. */
    String LINES = "billing";
    /** Creating the month's bills from the lines. */
    String BILLS = "bills";
    /** A re-run: comparing what is billed with what should be. */
    String COMPARING = "comparing";
    /** New bill versions and the payers' payments settled again. */
    String SETTLING = "settling";
    /** A payment file: reading and checking its rows. */
    String CHECKING = "checking";
    /** A payment file: recording the rows found good and settling the payers' bills. */
    String RECORDING = "recording";
    /** A payment file's dry run: matching the rows found good with the payers' bills, recording nothing. */
    String MATCHING = "matching";

    BillingProgress NONE = (phase, done, total) -> { };

    void advanced(String phase, long done, long total);
}
