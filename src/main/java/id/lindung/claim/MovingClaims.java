package id.lindung.claim;

import org.springframework.stereotype.Service;

/** The workflow. */
@Service
class MovingClaims {
    ClaimCase transition(long id, ClaimRequests.Transition t) { throw new UnsupportedOperationException("step 2"); }
    ClaimCase recompute(long id, ClaimRequests.Recompute r) { throw new UnsupportedOperationException("step 2"); }
}
