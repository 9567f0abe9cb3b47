package id.lindung.registry;

/**
 * A flag raised when two workers with different NIKs share district, birth date and a similar name.
 *
 * @param status OPEN until a writer says which {@link Verdict} it is
 */
public record LikelyDuplicate(long id, Worker worker, Worker other, double similarity, String status) {

    /** What a writer found the two workers to be. */
    public enum Verdict { SAME_PERSON, DIFFERENT_PEOPLE }

    /** Of the two workers, the one that is not {@code workerId}. */
    public Worker otherThan(long workerId) {
        return worker.id() == workerId ? other : worker;
    }
}
