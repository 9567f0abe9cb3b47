/**
 * The worker registry: workers identified by NIK, their payers and their dated membership terms, with NIK
 * checks, national deduplication and likely-duplicate flags.
 *
 * <p>What other modules use (the module's API): {@link id.lindung.registry.Workers} (registering, reading and
 * changing workers), {@link id.lindung.registry.WorkerInputRules} (the one rule set for a worker's input, which the
 * import calls), {@link id.lindung.registry.BulkRegistration} and {@link id.lindung.registry.StageWriter} (the
 * import's set-based registration), {@link id.lindung.registry.NikCheck}, {@link id.lindung.registry.NikChecker} and
 * {@link id.lindung.access.PersonalData} (NIKs and who sees them, owned by access), {@link id.lindung.registry.PayerRef}, the value
 * types ({@code Worker}, {@code MembershipTerm}, {@code Payer}, {@code Programme}, {@code Segment},
 * {@code RiskGroup}, {@code WorkerCategory}, {@code WorkerStatus}, {@code EndReason}, {@code StagedWorker}), the worker
 * categories' lookup {@link id.lindung.registry.WorkerCategories} (reference data in {@code worker_category}, never read
 * by other modules as a table), the regulation lookups the import shares ({@code DefaultWages}, {@code BpuIncomeRange}), and
 * the questions the registry asks billing, which billing implements ({@code BilledTerms}, {@code ProtectionOnDate}). Other public types of this
 * package ({@code PayerRegister}, {@code LikelyDuplicates}, {@code TransferRequests}, {@code DuplicateNikException},
 * {@code NikJson}, ...) are public for the registry's own screens and API in
 * {@code registry.web}, a subpackage.
 *
 * <p>Package-private: the use cases behind {@code Workers} ({@code RegisteringWorkers}, {@code ChangingMemberships},
 * {@code TransferringWorkers}, {@code ChangingWorkerStatus}, {@code WorkerQueries}) and what they share
 * ({@code TermHistory}, {@code WorkerAccess}, {@code WorkerFacts}). SQL and row mapping live in
 * {@code registry.internal}, which Spring Modulith keeps from other modules.
 */
package id.lindung.registry;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.shared.Programme;
