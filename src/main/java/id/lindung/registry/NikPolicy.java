package id.lindung.registry;

import id.lindung.access.Actor;

/**
 * Who sees full NIKs. Roles that register, verify or pay for workers (ADMIN, BPJS_OFFICER, DPMD,
 * VILLAGE_OPERATOR) need the full number and see it for the workers their scope covers (every read is
 * scoped in SQL, so they never see a worker outside it). MONITOR and AUDITOR see the first 6 and last 2.
 */
public final class NikPolicy {

    private NikPolicy() {}

    public static boolean seesFullNik(Actor actor) {
        return actor.role() != null && actor.role().canChangeData();
    }

    public static String show(Actor actor, String nik) {
        return seesFullNik(actor) ? nik : NikCheck.mask(nik);
    }
}
