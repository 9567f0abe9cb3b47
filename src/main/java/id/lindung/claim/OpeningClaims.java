package id.lindung.claim;

import org.springframework.stereotype.Service;

/** Opening a case: input rules, eligibility policies, benefit, death in the registry. */
@Service
class OpeningClaims {
    ClaimCase preview(ClaimRequests.Open request) { throw new UnsupportedOperationException("step 2"); }
    ClaimCase open(ClaimRequests.Open request) { throw new UnsupportedOperationException("step 2"); }
}
