/**
 * Budget planning for the payers of contributions (APBDes, APBD, employers, donors): a year's plan from the memberships a
 * payer pays and planned cohorts, projected month by month with the regulation in force (parameters not yet published
 * projected and marked), cohorts with joiners and leavers, a named list in the worker import format, prioritisation of
 * registered or listed candidates under a fixed budget by the payer's category rank, and enrolment of the chosen.
 *
 * <p>Reads the registry only through its published types and views ({@code registry_payer}, {@code registry_worker},
 * {@code registry_worker_profile}, {@code registry_worker_category}, {@code registry_membership_term}); enrols through
 * {@link id.lindung.registry.Workers}. A plan's named list is read and checked by the import's published
 * {@link id.lindung.importing.WorkerLists}, which registers nobody. The projection is pure
 * ({@link id.lindung.budget.PlanProjection}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Budget")
package id.lindung.budget;
