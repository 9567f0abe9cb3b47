package id.lindung.registry;

import id.lindung.platform.InvalidInputException;
import java.util.function.Supplier;

/**
 * The version of a worker an edit was based on, for optimistic locking: the API takes it from {@code If-Match}
 * (the {@code ETag} of {@code GET /api/v1/workers/{nik}}), the worker page from its forms. Held for the one edit
 * {@link #expecting} runs, and checked once, under the row lock, by the first change that locks the worker: a
 * different version there is a {@code VERSION_CONFLICT} (409), so two officers editing one worker at once never
 * lose a change. An edit that names no version is not checked (older clients), but still counts as a change.
 */
public final class WorkerVersion {

    private static final ThreadLocal<Long> EXPECTED = new ThreadLocal<>();

    private WorkerVersion() {}

    /** Runs {@code edit} as based on {@code version} (null: not checked). */
    public static <T> T expecting(Long version, Supplier<T> edit) {
        Long outer = EXPECTED.get();
        EXPECTED.set(version);
        try {
            return edit.get();
        } finally {
            if (outer == null) {
                EXPECTED.remove();
            } else {
                EXPECTED.set(outer);
            }
        }
    }

    /**
     * Called under the worker's row lock with the version it had: refuses the edit when it expected another. Checked
     * once per edit: a second lock in the same edit sees the edit's own change.
     */
    public static void check(long current) {
        Long expected = EXPECTED.get();
        EXPECTED.remove();
        if (expected != null && expected != current) {
            throw conflict(expected, current);
        }
    }

    /** The ETag of a version: a strong validator, {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names; null when there is none or it is {@code *}.
     *
     * @throws InvalidInputException when it is not an ETag this API gave
     */
    public static Long ofIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!v.matches("\\d{1,18}")) {
            throw new InvalidInputException("If-Match", "INVALID_VALUE", "If-Match must be the ETag of GET /api/v1/workers/{nik}, "
                    + "such as \"3\"");
        }
        return Long.parseLong(v);
    }

    /** The version a form posted; null when blank. */
    public static Long ofForm(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{1,18}")) {
            throw new InvalidInputException("version", "INVALID_VALUE", "version must be a whole number");
        }
        return Long.parseLong(value.strip());
    }

    static InvalidInputException conflict(long expected, long current) {
        return InvalidInputException.conflict("version", "VERSION_CONFLICT", "The worker was changed by someone else since "
                + "you opened it (your version " + expected + ", now " + current + "): reload it and apply your change again");
    }
}
