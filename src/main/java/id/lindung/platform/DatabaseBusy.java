package id.lindung.platform;

/**
 * Whether a request failed because Lindung was busy, not because of anything in it: no database connection came free
 * within the pool's wait, a bounded lock wait ran out (SQLSTATE 55P03, a payment behind a billing run's payer lock,
 * {@code billing.Allocation}), or the transaction lost a deadlock (40P01). In each case the request's transaction never
 * began or was rolled back whole, so nothing was recorded and the same request may be sent again. The API answers 503
 * {@code SERVICE_BUSY}; a page form shows itself again with that problem.
 */
public final class DatabaseBusy {

    /** The code of the problem, in the API and on a form. */
    public static final String CODE = "SERVICE_BUSY";

    private DatabaseBusy() {}

    public static boolean is(Throwable e) {
        return lockWait(e) || causeOf(e, java.sql.SQLTransientConnectionException.class) != null;
    }

    /** A lock not obtained in time, or a deadlock lost. */
    static boolean lockWait(Throwable e) {
        java.sql.SQLException sql = causeOf(e, java.sql.SQLException.class);
        return causeOf(e, org.springframework.dao.PessimisticLockingFailureException.class) != null
                || (sql != null && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())));
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
