package id.lindung.coverage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One regional regulation or agreement of the register (without its file's bytes).
 *
 * @param inForceUntil the last day in force (inclusive), null while open-ended
 * @param programs     the programmes it covers (JKK, JKM, JHT, JP, JKP)
 * @param budgets      who pays under it (APBD, APBDES, DONOR)
 * @param file         the signed PDF, null when none was attached
 */
public record LocalRegulation(long id, String regionCode, String regionName, LocalRegulationKind kind, String number,
                              String title, LocalDate signedOn, LocalDate inForceFrom, LocalDate inForceUntil,
                              boolean coversApparatus, boolean coversVulnerable, List<String> programs, List<String> budgets,
                              String counterparty, String note, StoredFile file, String createdBy, OffsetDateTime createdAt) {

    /** The attached file: its name as uploaded, SHA-256 in hex and size in bytes. */
    public record StoredFile(String name, String sha256, long size) {}

    /** Whether the regulation is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(inForceFrom) && (inForceUntil == null || !date.isAfter(inForceUntil));
    }

    /** Whether the regulation is in force on some day of [from, to] (both inclusive). */
    public boolean inForceDuring(LocalDate from, LocalDate to) {
        return !inForceFrom.isAfter(to) && (inForceUntil == null || !inForceUntil.isBefore(from));
    }
}
