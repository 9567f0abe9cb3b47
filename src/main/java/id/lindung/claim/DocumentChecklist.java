package id.lindung.claim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The documents a case type requires before it can be approved (DOCUMENT_MISSING names the first absent). A school
 * certificate is never required for approval: each one makes its child's school year due.
 */
final class DocumentChecklist {

    private DocumentChecklist() {}

    static List<DocumentType> required(ClaimType type) {
        Set<DocumentType> docs = EnumSet.of(DocumentType.KTP, DocumentType.KK, DocumentType.BANK_BOOK);
        if (type.death()) {
            docs.add(DocumentType.DEATH_CERTIFICATE);
            docs.add(DocumentType.HEIR_STATEMENT);
        }
        if (type.workAccident()) {
            docs.add(DocumentType.ACCIDENT_REPORT);
            if (type != ClaimType.JKK_DEATH) {
                docs.add(DocumentType.MEDICAL_RESUME);
            }
        }
        return List.copyOf(docs);
    }
}
