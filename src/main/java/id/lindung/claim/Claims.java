package id.lindung.claim;

import id.lindung.platform.Page;
import java.io.InputStream;
import org.springframework.stereotype.Service;

/**
 * The claim module's API: opening, reading, listing and moving cases. Each activity is its own use case
 * ({@link OpeningClaims}, {@link MovingClaims}, {@link ClaimDocuments}, {@link ClaimScholarships}, {@link ClaimQueries});
 * this class only names them. Every read is restricted to the caller's region scope in SQL (a case or worker outside it
 * is 404), NIKs are masked for the roles that see them masked, and every change is audited in its transaction.
 */
@Service
public class Claims {

    private final OpeningClaims opening;
    private final MovingClaims moving;
    private final ClaimDocuments documents;
    private final ClaimScholarships scholarships;
    private final ClaimQueries queries;

    Claims(OpeningClaims opening, MovingClaims moving, ClaimDocuments documents, ClaimScholarships scholarships,
           ClaimQueries queries) {
        this.opening = opening;
        this.moving = moving;
        this.documents = documents;
        this.scholarships = scholarships;
        this.queries = queries;
    }

    /**
     * What opening would decide, without storing anything: the eligibility decisions, the benefit, heirs, checklist and
     * scholarship schedule (the form shows it before saving). Input errors are refused as by {@link #open}.
     */
    public ClaimCase preview(ClaimRequests.Open request) {
        return opening.preview(request);
    }

    /**
     * Opens a case for a worker in the caller's scope (VILLAGE_OPERATOR, DPMD, BPJS_OFFICER, ADMIN). A case the
     * policies refuse is refused with their codes (422) and nothing is stored, unless {@code submitIfIneligible}: then it
     * is stored REJECTED with its codes. A death case records the death in the registry in the same transaction.
     */
    public ClaimCase open(ClaimRequests.Open request) {
        return opening.open(request);
    }

    /** The case, if it lies in the caller's scope (else 404). */
    public ClaimCase get(long id) {
        return queries.get(id);
    }

    /** Cases in the caller's scope, newest first. */
    public Page<ClaimSummary> list(ClaimRequests.Filter filter) {
        return queries.list(filter);
    }

    /** Most cases one download holds: a larger list is narrowed by area first. */
    public static final int MAX_DOWNLOAD = 100_000;

    /**
     * Every case the filter selects, newest first, for a download (the filter's page and size aside): read in one
     * repeatable-read transaction, so a case opened meanwhile neither shifts a row into two pages nor out of the file.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true,
            isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public java.util.List<ClaimSummary> all(ClaimRequests.Filter filter) {
        return queries.all(filter, MAX_DOWNLOAD);
    }

    /** A workflow step (BPJS_OFFICER only; the opener cannot approve): 409 when the step is not allowed from the status. */
    public ClaimCase transition(long id, ClaimRequests.Transition transition) {
        return moving.transition(id, transition);
    }

    /**
     * Stores a document of the case: at most the configured size (DOCUMENT_TOO_LARGE), a PDF, JPEG or PNG by its bytes
     * (DOCUMENT_TYPE), with its SHA-256. {@code child} and {@code schoolYear} ("2025/2026") only for SCHOOL_CERTIFICATE.
     */
    public ClaimCase addDocument(long id, DocumentType type, Integer child, String schoolYear, String fileName,
                                 InputStream content) {
        return documents.add(id, type, child, schoolYear, fileName, content);
    }

    /** An uploaded file of a case in the caller's scope (MONITOR and AUDITOR may not download them). */
    public StoredDocument document(long id, long documentId) {
        return documents.get(id, documentId);
    }

    /**
     * Recomputes the benefit with the regulation data in force now for the incident date (BPJS_OFFICER, before approval):
     * the old components are kept as replaced, the change is in the history and the audit trail. Never done silently.
     */
    public ClaimCase recompute(long id, ClaimRequests.Recompute request) {
        return moving.recompute(id, request);
    }

    /** Records that a child married or started work on a date: the scholarship years from then on stop. */
    public ClaimCase recordChildStop(long id, int child, ClaimRequests.ChildStopInput stop) {
        return scholarships.recordStop(id, child, stop);
    }

    /** Records the payment of a DUE scholarship year (BPJS_OFFICER), for the year's amount exactly. */
    public ClaimCase payScholarship(long id, ClaimRequests.ScholarshipPayment payment) {
        return scholarships.pay(id, payment);
    }
}
