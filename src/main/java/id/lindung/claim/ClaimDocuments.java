package id.lindung.claim;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.UploadNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents of a case, stored in the database with their SHA-256: at most {@code lindung.claims.document-max-size}
 * (DOCUMENT_TOO_LARGE), a PDF, JPEG or PNG by its first bytes whatever its name says (DOCUMENT_TYPE). The upload that
 * completes the required checklist starts the JKK payment clock. A school certificate names a child of the schedule and
 * a school year already begun.
 */
@Service
class ClaimDocuments {

    private final ClaimStore store;
    private final ClaimQueries queries;
    private final ClaimSettings settings;
    private final CurrentActor actors;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClaimDocuments(ClaimStore store, ClaimQueries queries, ClaimSettings settings, CurrentActor actors, AuditLog audit,
                   TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.settings = settings;
        this.actors = actors;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    ClaimCase add(long id, DocumentType type, Integer child, String schoolYear, String fileName, InputStream content) {
        Actor actor = actors.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not add documents to a claim");
        }
        // the case first: a case outside the scope is not found whatever is wrong with the upload
        store.get(id, actor.scope(), false);
        if (type == null) {
            throw new InvalidInputException("type", "REQUIRED", "type is required: " + java.util.Arrays.toString(DocumentType.values()));
        }
        Integer year = null;
        if (type.perChildAndYear()) {
            if (child == null) {
                throw new InvalidInputException("child", "REQUIRED",
                        "A school certificate names the child (its number on the case) and the school year, such as 2025/2026");
            }
            year = ScholarshipSchedule.requireLabel("schoolYear", schoolYear);
        } else if (child != null || (schoolYear != null && !schoolYear.isBlank())) {
            throw new InvalidInputException("child", "NOT_APPLICABLE", "child and schoolYear are only for SCHOOL_CERTIFICATE");
        }
        // only the name's last path segment, as every upload keeps it: a client's "..\..\x.pdf" or "C:\Users\..." is
        // neither stored nor handed back in Content-Disposition (claims review, docs/security.md)
        String name = UploadNames.kept("file", fileName, 200, type.name().toLowerCase(java.util.Locale.ROOT));
        byte[] bytes = read(content, settings.documentMaxSize.toBytes());
        String contentType = DocumentContent.sniff(bytes).orElseThrow(() -> InvalidInputException.refused("file", "DOCUMENT_TYPE",
                "The file is not a PDF, JPEG or PNG (judged by its content, not its name)"));
        String sha256 = sha256(bytes);
        Integer schoolYearStart = year;
        return tx.execute(status -> {
            ClaimStore.CaseRow row = store.get(id, actor.scope(), true);
            if (row.status() == ClaimStatus.REJECTED) {
                throw InvalidInputException.conflict("status", "CLAIM_CLOSED", "A rejected case takes no documents");
            }
            if (schoolYearStart != null) {
                boolean scheduled = store.scholarships(row.regionCode(), id).stream()
                        .anyMatch(s -> s.child() == child && s.schoolYear() == schoolYearStart && s.stopReason() == null);
                if (!scheduled) {
                    throw InvalidInputException.refused("schoolYear", "SCHOLARSHIP_YEAR_NOT_SCHEDULED", "Child " + child
                            + " has no scholarship in " + schoolYear);
                }
                if (schoolYearStart > ScholarshipSchedule.schoolYearOf(LocalDate.now(clock))) {
                    throw InvalidInputException.refused("schoolYear", "SCHOOL_YEAR_NOT_BEGUN", schoolYear + " has not begun");
                }
            }
            // the same file under the same name sent again for the same document (a retry after a lost answer, a second
            // click) is the document already stored, the latest of its type (and child and school year): nothing is added
            // or audited, and the answer is the case as that upload left it; another file, or another name, is kept beside
            // it and shown instead
            boolean sentAgain = store.documents(row.regionCode(), id).stream()
                    .filter(d -> d.type() == type && java.util.Objects.equals(d.child(), child)
                            && java.util.Objects.equals(d.schoolYear(), schoolYearStart))
                    .reduce((earlier, later) -> later)
                    .filter(d -> d.sha256().equals(sha256) && d.fileName().equals(name)).isPresent();
            if (sentAgain) {
                return queries.view(row, actor);
            }
            Instant now = clock.instant();
            long documentId = store.insertDocument(row.regionCode(), id, type, child, schoolYearStart, name, contentType, bytes, sha256,
                    actor.username(), now);
            if (row.fileCompleteOn() == null && ClaimView.missing(row.type(), store.documents(row.regionCode(), id)).isEmpty()) {
                store.setFileComplete(row.regionCode(), id, LocalDate.now(clock));
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("documentId", documentId);
            after.put("type", type);
            after.put("child", child);
            after.put("schoolYear", schoolYear);
            after.put("contentType", contentType);
            after.put("size", bytes.length);
            after.put("sha256", sha256);
            audit.record("UPLOAD", "claim_document", id + ":" + documentId, row.regionCode(), null, after);
            return queries.view(store.get(id, actor.scope(), false), actor);
        });
    }

    StoredDocument get(long id, long documentId) {
        Actor actor = actors.get();
        ClaimStore.CaseRow row = store.get(id, actor.scope(), false);
        if (!PersonalData.seesFull(actor)) {
            throw new AccessDeniedException("Role " + actor.role() + " may not download a claim's documents (personal data)");
        }
        StoredDocument document = store.document(row.regionCode(), id, documentId)
                .orElseThrow(() -> new NotFoundException("Document " + documentId + " of claim " + id + " not found"));
        // a KTP or KK handed out is a disclosure of personal data, as the case file's PDF is (docs/security.md
        // "Exports that list people"): who took which paper of whom
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", document.contentType());
        details.put("type", document.type());
        details.put("sha256", document.sha256());
        audit.exported("claim_document", id + ":" + documentId, row.regionCode(), details);
        return document;
    }

    /** The bytes, refused as DOCUMENT_TOO_LARGE once more than {@code max} have come (never read whole first). */
    static byte[] read(InputStream content, long max) {
        if (content == null) {
            throw new InvalidInputException("file", "REQUIRED", "file is required");
        }
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw InvalidInputException.refused("file", "DOCUMENT_TOO_LARGE", "The document is larger than " + max / (1024 * 1024)
                        + " MB (setting lindung.claims.document-max-size)");
            }
            if (bytes.length == 0) {
                throw new InvalidInputException("file", "FILE_EMPTY", "The file is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
