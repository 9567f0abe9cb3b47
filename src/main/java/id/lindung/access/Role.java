package id.lindung.access;

/** The six roles of Lindung. Stored by name. */
public enum Role {
    /** National administration. */
    ADMIN,
    /** Read-only monitoring in scope (ministries, provincial secretariat). */
    MONITOR,
    /** District or provincial community-and-village office: manages villages in scope. */
    DPMD,
    /** One village. */
    VILLAGE_OPERATOR,
    /** BPJS branch office: verifies registrations, payments and claims in scope. */
    BPJS_OFFICER,
    /** Read-only plus the audit trail. */
    AUDITOR;

    public boolean canChangeData() {
        return this == ADMIN || this == DPMD || this == VILLAGE_OPERATOR || this == BPJS_OFFICER;
    }

    public boolean canReadAudit() {
        return this == ADMIN || this == AUDITOR;
    }

    public static Role parse(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + text + "'; expected one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}
