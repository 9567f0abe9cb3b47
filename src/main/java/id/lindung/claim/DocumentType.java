package id.lindung.claim;

/** The documents of a case file. {@code SCHOOL_CERTIFICATE} is one per child per school year. */
public enum DocumentType {
    KTP,
    KK,
    DEATH_CERTIFICATE,
    HEIR_STATEMENT,
    ACCIDENT_REPORT,
    MEDICAL_RESUME,
    SCHOOL_CERTIFICATE,
    BANK_BOOK;

    /** Names a child and a school year. */
    public boolean perChildAndYear() {
        return this == SCHOOL_CERTIFICATE;
    }
}
