package id.lindung.importing;

import java.time.Instant;

/** One uploaded file and where it is in PENDING → VALIDATED → IMPORTED / PARTIALLY_IMPORTED, or FAILED. */
public record ImportBatch(long id, String fileName, String format, String status, String createdBy, String scopeCode,
                          long totalRows, long validRows, long rejectedRows, int chunksDone, long workersCreated,
                          long termsOpened, long termsClosed, String failure, Instant createdAt, Instant finishedAt) {

    public boolean isFinished() {
        return status.equals("IMPORTED") || status.equals("PARTIALLY_IMPORTED") || status.equals("FAILED");
    }
}
