/**
 * Claims (klaim): a death, accident, old-age or job-loss case opened for a worker, checked by named eligibility
 * policies against protection on the incident date, its benefit computed once by the regulation in force and stored,
 * heirs in the order of PP 44/2015 Pasal 37, a document checklist, a maker-checker workflow to payment, and the
 * scholarship schedule of the children.
 *
 * <p>What other modules use: {@link id.lindung.claim.Claims} (opening, reading, listing and moving cases),
 * {@link id.lindung.claim.ClaimCase} and its value types, the enums {@link id.lindung.claim.ClaimType},
 * {@link id.lindung.claim.ClaimStatus}, {@link id.lindung.claim.HeirRelationship},
 * {@link id.lindung.claim.DocumentType}, and the published view {@code claim_payment} (every payment of a case or a
 * scholarship year, for the benefits-paid figures). SQL lives in the package-private {@code ClaimStore}; the API in {@code claim.web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claim")
package id.lindung.claim;
