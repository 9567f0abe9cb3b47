package id.lindung.platform;

import java.util.List;

/**
 * An API answer that carries {@code warnings}: what a request was done with but looks wrong (a PU wage below the usual
 * minimum), each with its field, code and English sentence. {@link ProblemLanguage} writes the sentences in the client's
 * language, as it writes a problem's, so an Indonesian answer carries no English warning; the codes never change.
 *
 * @param <T> the answer's own type
 */
public interface Warned<T extends Warned<T>> {

    List<InputProblem> warnings();

    /** The same answer with these warnings. */
    T withWarnings(List<InputProblem> warnings);

    /** Rows the answer lists as refused (an import batch's rejected rows), with the same members; none by default. */
    default List<InputProblem> rejections() {
        return List.of();
    }

    /** The same answer with these refused rows (their sentences in the client's language). */
    @SuppressWarnings("unchecked")
    default T withRejections(List<InputProblem> rejections) {
        return (T) this;
    }
}
