package id.lindung.claim;

import java.io.InputStream;
import org.springframework.stereotype.Service;

/** Documents. */
@Service
class ClaimDocuments {
    ClaimCase add(long id, DocumentType type, Integer child, String schoolYear, String fileName, InputStream content) {
        throw new UnsupportedOperationException("step 2");
    }
    StoredDocument get(long id, long documentId) { throw new UnsupportedOperationException("step 2"); }
}
