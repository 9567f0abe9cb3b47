package id.lindung.claim.web;

import id.lindung.claim.ClaimCase;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimSummary;
import id.lindung.claim.ClaimType;
import id.lindung.claim.Claims;
import id.lindung.claim.DocumentType;
import id.lindung.claim.StoredDocument;
import id.lindung.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The claims API (issue 13, docs/claims.md): scoped to the caller's region, masked for read-only roles, audited. */
@RestController
@RequestMapping("/api/v1/claims")
@Tag(name = "Klaim / Claims", description = "Death, accident, old-age and job-loss cases: eligibility, benefit, heirs, documents, workflow, scholarships")
class ClaimApiController {

    private final Claims claims;

    /** The case file (i13-claim-pages): the same document as the case page's, in the reader's language. */
    private final ClaimCaseFile caseFile;

    ClaimApiController(Claims claims, ClaimCaseFile caseFile) {
        this.claims = claims;
        this.caseFile = caseFile;
    }

    @Operation(summary = "Open a case (VILLAGE_OPERATOR, DPMD, BPJS_OFFICER, ADMIN): 201 with the case; 422 with the policies' codes "
            + "and nothing stored, unless submitIfIneligible: then stored REJECTED with its codes")
    @PostMapping
    ResponseEntity<ClaimCase> open(@RequestBody ClaimRequests.Open request) {
        ClaimCase c = claims.open(request);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + c.id())).body(c);
    }

    @Operation(summary = "What opening would decide (decisions, benefit, schedule), stored nothing")
    @PostMapping("/preview")
    ClaimCase preview(@RequestBody ClaimRequests.Open request) {
        return claims.preview(request);
    }

    @Operation(summary = "A case in the caller's scope (else 404)")
    @GetMapping("/{id}")
    ClaimCase get(@PathVariable long id) {
        return claims.get(id);
    }

    @Operation(summary = "Cases in scope, newest first; overdue=true lists those waiting at their step longer than lindung.claims.overdue-days.*")
    @GetMapping
    Page<ClaimSummary> list(@RequestParam(required = false) String region, @RequestParam(required = false) ClaimStatus status,
                            @RequestParam(name = "case", required = false) ClaimType type,
                            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        return claims.list(new ClaimRequests.Filter(region, status, type, overdue, page, size));
    }

    @Operation(summary = "Upload a document (multipart type, file; child and schoolYear for SCHOOL_CERTIFICATE): PDF, JPEG or PNG by "
            + "content (DOCUMENT_TYPE), at most lindung.claims.document-max-size (DOCUMENT_TOO_LARGE), stored with its SHA-256")
    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ClaimCase> upload(@PathVariable long id, @RequestParam("type") DocumentType type,
                                     @RequestPart("file") MultipartFile file, @RequestParam(required = false) Integer child,
                                     @RequestParam(required = false) String schoolYear) {
        try {
            ClaimCase c = claims.addDocument(id, type, child, schoolYear, file.getOriginalFilename(), file.getInputStream());
            return ResponseEntity.status(201).body(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Download an uploaded document (roles that see personal data)")
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        StoredDocument d = claims.document(id, documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", d.sha256()).body(d.content());
    }

    @Operation(summary = "A workflow step {to: VERIFIED|APPROVED|REJECTED|PAID, reason, payment{reference,date,amount,heir}} "
            + "(BPJS_OFFICER; the opener cannot approve); 409 CLAIM_TRANSITION_NOT_ALLOWED, 422 DOCUMENT_MISSING, PAYMENT_AMOUNT_MISMATCH")
    @PostMapping("/{id}/transitions")
    ClaimCase transition(@PathVariable long id, @RequestBody ClaimRequests.Transition transition) {
        return claims.transition(id, transition);
    }

    @Operation(summary = "Recompute the benefit with today's regulation data (BPJS_OFFICER, SUBMITTED or VERIFIED, reason required; audited)")
    @PostMapping("/{id}/recomputations")
    ClaimCase recompute(@PathVariable long id, @RequestBody ClaimRequests.Recompute request) {
        return claims.recompute(id, request);
    }

    @Operation(summary = "Record a child's marriage or employment {stop: MARRIED|EMPLOYED, on}: the scholarship years from then on stop")
    @PostMapping("/{id}/children/{child}/stops")
    ClaimCase childStop(@PathVariable long id, @PathVariable int child, @RequestBody ClaimRequests.ChildStopInput stop) {
        return claims.recordChildStop(id, child, stop);
    }

    @Operation(summary = "Record a DUE scholarship year's payment {child, schoolYear, payment} (BPJS_OFFICER), for exactly its amount")
    @PostMapping("/{id}/scholarship-payments")
    ClaimCase payScholarship(@PathVariable long id, @RequestBody ClaimRequests.ScholarshipPayment payment) {
        return claims.payScholarship(id, payment);
    }

    @Operation(summary = "The case file as PDF")
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        byte[] pdf = caseFile.pdf(claims.get(id), LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"klaim-" + id + ".pdf\"").body(pdf);
    }
}
