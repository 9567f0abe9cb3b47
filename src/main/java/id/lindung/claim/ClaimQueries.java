package id.lindung.claim;

import id.lindung.platform.Page;
import org.springframework.stereotype.Service;

/** Reads. */
@Service
class ClaimQueries {
    ClaimCase get(long id) { throw new UnsupportedOperationException("step 2"); }
    Page<ClaimSummary> list(ClaimRequests.Filter f) { throw new UnsupportedOperationException("step 2"); }
}
