package id.lindung.claim;

import org.springframework.stereotype.Service;

/** Scholarship years. */
@Service
class ClaimScholarships {
    ClaimCase recordStop(long id, int child, ClaimRequests.ChildStopInput stop) { throw new UnsupportedOperationException("step 2"); }
    ClaimCase pay(long id, ClaimRequests.ScholarshipPayment p) { throw new UnsupportedOperationException("step 2"); }
}
