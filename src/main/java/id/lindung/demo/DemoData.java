package id.lindung.demo;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.access.RegionScope;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users and demo figures once per database, each step in its own transaction and
 * recorded in {@code demo_seed}, so a restart (or a crash half-way) neither duplicates nor loses a step.
 */
@Component
@Profile("serve")
class DemoData implements id.lindung.platform.SignInHint {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "lindung-demo";
    /** Where the programme was reported from: Kotim, Palangkaraya, Bulukumba, Kutai Kartanegara, Kalimantan Selatan. */
    static final List<String> DEFAULT_AREAS = List.of("62.02", "62.71", "73.02", "64.02", "63");
    /** The demo areas; a test seeds a smaller one. */
    private final List<String> areas;

    record DemoUser(String username, Role role, String scope, String name) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", Role.ADMIN, "ID", "Admin nasional (demo)"),
            new DemoUser("auditor", Role.AUDITOR, "ID", "Auditor nasional (demo)"),
            new DemoUser("monitor.nasional", Role.MONITOR, "ID", "Kemenko PMK (demo)"),
            new DemoUser("monitor.kalsel", Role.MONITOR, "63", "Sekretariat Provinsi Kalimantan Selatan (demo)"),
            new DemoUser("dpmd.kalsel", Role.DPMD, "63", "DPMD Provinsi Kalimantan Selatan (demo)"),
            new DemoUser("dpmd.kotim", Role.DPMD, "62.02", "DPMD Kotawaringin Timur (demo)"),
            new DemoUser("dpmd.palangkaraya", Role.DPMD, "62.71", "DPMD Kota Palangka Raya (demo)"),
            new DemoUser("dpmd.bulukumba", Role.DPMD, "73.02", "DPMD Bulukumba (demo)"),
            new DemoUser("dpmd.kukar", Role.DPMD, "64.02", "DPMD Kutai Kartanegara (demo)"),
            new DemoUser("operator.loaduriilir", Role.VILLAGE_OPERATOR, "64.02.03.2007", "Operator Desa Loa Duri Ilir (demo)"),
            new DemoUser("bpjs.kukar", Role.BPJS_OFFICER, "64.02", "BPJS Ketenagakerjaan Cabang Tenggarong (demo)"),
            new DemoUser("bpjs.kalsel", Role.BPJS_OFFICER, "63", "BPJS Ketenagakerjaan Kanwil Kalimantan (demo)"));

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Regions regions;
    private final PotentialWorkforce workforce;
    private final boolean enabled;
    private final id.lindung.importing.WorkerFileGenerator workerFiles;
    private final id.lindung.billing.BillingRuns billingRuns;
    private final id.lindung.billing.Bills bills;
    private final id.lindung.billing.Payments payments;
    private final id.lindung.importing.WorkerImports workerImports;
    private final java.time.Clock clock;
    private final id.lindung.registry.Workers workers;
    private final id.lindung.registry.WorkerCategories workerCategories;
    private final id.lindung.budget.BudgetPlans budgetPlans;
    private final DemoClaims claims;

    DemoData(JdbcClient jdbc, UserAccounts users, Regions regions, PotentialWorkforce workforce,
             @Value("${lindung.demo}") boolean enabled, @Value("${lindung.demo-areas:}") List<String> areas, id.lindung.importing.WorkerFileGenerator workerFiles,
             id.lindung.importing.WorkerImports workerImports, id.lindung.billing.BillingRuns billingRuns,
             id.lindung.billing.Bills bills, id.lindung.billing.Payments payments, java.time.Clock clock,
             id.lindung.registry.Workers workers, id.lindung.registry.WorkerCategories workerCategories,
             id.lindung.budget.BudgetPlans budgetPlans, DemoClaims claims) {
        this.claims = claims;
        this.budgetPlans = budgetPlans;
        this.clock = clock;
        this.workers = workers;
        this.workerCategories = workerCategories;
        this.billingRuns = billingRuns;
        this.bills = bills;
        this.payments = payments;
        this.workerFiles = workerFiles;
        this.workerImports = workerImports;
        this.jdbc = jdbc;
        this.users = users;
        this.regions = regions;
        this.workforce = workforce;
        this.enabled = enabled;
        this.areas = areas == null || areas.isEmpty() || areas.stream().allMatch(String::isBlank) ? DEFAULT_AREAS : List.copyOf(areas);
    }

    /** Before the start-up line, so that "ready" means the demo accounts exist. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100)
    void seed() {
        if (!enabled) {
            return;
        }
        CurrentActor.runAs(Actor.system("demo"), () -> {
            step("users", this::createUsers);
            step("workforce-2025", () -> createWorkforce(2025));
            step("workers", this::createWorkers);
            step("billing-6-months", this::createBillsAndPayments);
            // i14-dashboard: the coverage dashboard needs this year's denominators and villages that miss Desa Sadar
            step("workforce-" + java.time.LocalDate.now(clock).getYear(), () -> createWorkforce(java.time.LocalDate.now(clock).getYear()));
            step("coverage-near-misses", this::createNearMisses);
            step("budget-plans", this::createBudgetPlans);
            step("claims", () -> claims.create(areas));
        });
    }

    @Override
    public String text() {
        return enabled ? "operator.loaduriilir, dpmd.kukar, admin ... / " + PASSWORD + " (README: Demo accounts)" : null;
    }

    /** A step that fails is rolled back and logged; the application keeps running without that demo data. */
    private void step(String name, Runnable work) {
        try {
            runStep(name, work);
        } catch (RuntimeException e) {
            log.error("Demo data '{}' could not be created and was rolled back: {}", name, e.getMessage(), e);
        }
    }

    /**
     * Runs a step unless it is recorded as done, then records it. Every step is idempotent (users are
     * created if missing, imports and billing runs add nothing the second time, payments are keyed by
     * reference), so a crash half-way is repaired by the next start; the steps use their own transactions
     * because the worker import applies its chunks on several threads.
     */
    private void runStep(String name, Runnable work) {
        boolean done = jdbc.sql("select exists(select 1 from demo_seed where step = ?)").param(name).query(Boolean.class).single();
        if (done) {
            return;
        }
        long started = System.nanoTime();
        work.run();
        jdbc.sql("insert into demo_seed (step) values (?) on conflict do nothing").param(name).update();
        log.info("Demo data '{}' created in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }

    private void createUsers() {
        for (DemoUser u : USERS) {
            if (!users.exists(u.username())) {
                users.create(u.username(), PASSWORD, u.role(), u.scope(), u.name(), true);
            }
        }
    }

    /**
     * The generated file with the import's {@code p3ke_decile} column: of the informal (BPU) workers, one in seven in
     * decile 1 (extreme poverty, Inpres 4/2022) and one in seven in decile 2, 3 or 4 (the rest of P3KE), by row, so
     * the generator's rows and their NIKs stay as they were.
     */
    static void withP3keDecile(String generated, java.io.Writer out) throws java.io.IOException {
        String[] lines = generated.split("\n");
        out.write(lines[0] + ",p3ke_decile\n");
        for (int n = 1; n < lines.length; n++) {
            // columns: nik,name,sex,birth_date,village_code,category,segment,...
            boolean informal = lines[n].split(",", 8)[6].equals("BPU");
            String decile = !informal ? "" : n % 7 == 3 ? "1" : n % 7 == 5 ? Integer.toString(2 + n % 3) : "";
            out.write(lines[n] + "," + decile + "\n");
        }
    }

    /**
     * Generated workers (12 per village: the officials of each desa, informal workers in kelurahan) for the demo
     * areas, imported like any file (again after a crash: the import adds nothing twice). Some informal workers
     * live in P3KE households ({@link #withP3keDecile}), so the dashboard's extreme-poverty rows have figures.
     */
    private void createWorkers() {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("lindung-demo-workers-", ".csv");
            java.io.StringWriter generated = new java.io.StringWriter();
            workerFiles.generate(areas, 12, 2026, 0.0, generated);
            try (var out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                withP3keDecile(generated.toString(), out);
            }
            workerImports.importFile("demo-workers.csv", file, new id.lindung.importing.WorkerImports.Options(null, null, true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /**
     * Six months of bills for the demo workers and their payments, so a new user sees a living system:
     * most payers pay a few days before the due date, about one in seven stopped paying three months ago
     * (they appear in arrears on the dashboard of the level above), about one in eleven pays only part.
     */
    private void createBillsAndPayments() {
        Actor demo = Actor.system("demo");
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.time.YearMonth current = java.time.YearMonth.from(today);
        List<id.lindung.billing.Payments.PaymentRequest> paid = new java.util.ArrayList<>();
        for (int back = 5; back >= 0; back--) {
            java.time.YearMonth month = current.minusMonths(back);
            // seeding an empty database oldest month first: nothing later is billed, but the months are past
            billingRuns.run(month, demo, true);
            // only the demo areas' bills: a database shared with other data (the test suite's) holds other payers
            List<id.lindung.billing.BillSummary> ours = new java.util.ArrayList<>();
            for (String area : areas) {
                ours.addAll(bills.forMonth(month, new Actor("system:demo", Role.ADMIN, RegionScope.of(area), "local")));
            }
            for (var bill : ours) {
                int h = Math.floorMod(bill.payer().hashCode(), 77);
                boolean stopped = h % 7 == 0 && back < 3;
                java.time.LocalDate on = bill.dueDate().minusDays(3);
                if (stopped || on.isAfter(today) || !bill.total().isGreaterThan(id.lindung.shared.Rupiah.ZERO)) {
                    continue;
                }
                id.lindung.shared.Rupiah amount = h % 11 == 0
                        ? bill.total().scaleToRupiah(6, 10, java.math.RoundingMode.DOWN)
                        : bill.total();
                // simulated history, recorded after the fact: not bounded by what the payer owes at that moment in a
                // database other data may share (the bound is for people typing payments)
                paid.add(new id.lindung.billing.Payments.PaymentRequest(bill.payer(), "DEMO-" + month + "-" + bill.id(), on,
                        amount.toBigDecimal(), "DEMO", true));
            }
        }
        payments.recordAll(paid, demo);
    }

    /**
     * Desa Sadar Jamsostek and its near misses on the dashboard (issue 14): every generated desa has its officials
     * protected (PU, paid by the APBDes), so in district 64.02.03 of Kutai Kartanegara a few desa (every third, never
     * Loa Duri Ilir, which stays a Desa Sadar village) get one more perangkat desa registered as a self-paying BPU
     * participant three months ago who never paid: LAPSED, so the desa misses Desa Sadar by exactly that person.
     */
    private void createNearMisses() {
        if (!areas.contains("64.02")) {
            return;
        }
        Actor demo = Actor.system("demo");
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.time.YearMonth start = java.time.YearMonth.from(today).minusMonths(3);
        var category = workerCategories.get("PERANGKAT_DESA");
        List<Region> desa = regions.within(RegionScope.of("64.02.03"), RegionLevel.VILLAGE).stream()
                .filter(Region::isDesa).filter(r -> !r.code().equals("64.02.03.2007")).toList();
        int serial = 0;
        for (int i = 0; i < desa.size(); i += 3) {
            Region village = desa.get(i);
            java.time.LocalDate birth = java.time.LocalDate.of(1986, 4, 1 + (i % 28));
            String nik = "640203" + String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100)
                    + String.format("%04d", 9101 + serial++);
            try {
                workers.register(new id.lindung.registry.Workers.Registration(nik, "Perangkat Belum Bayar " + (serial), "L", birth,
                        village.code(), null, null, category, false, null,
                        List.of(id.lindung.shared.Programme.JKK, id.lindung.shared.Programme.JKM), id.lindung.shared.Segment.BPU,
                        new java.math.BigDecimal("1000000"), null, "SELF:" + nik, start.atDay(1)));
            } catch (RuntimeException e) {
                log.warn("Demo near miss in {} not registered: {}", village.code(), e.getMessage());
            }
        }
        // bill the months since (only these workers' lines are new); nobody pays them
        for (java.time.YearMonth m = start; !m.isAfter(java.time.YearMonth.from(today)); m = m.plusMonths(1)) {
            billingRuns.run(m, demo, true);
        }
    }

    /** Plausible, clearly marked figures: a few hundred to a few thousand working-age people per village. */
    /** Issue 15: next year's FINAL plan of the demo village (with its RT/RW heads) and a DRAFT of its regency. */
    private void createBudgetPlans() {
        Actor demo = Actor.system("demo");
        int year = java.time.LocalDate.now(clock).getYear() + 1;
        var village = budgetPlans.create(new id.lindung.budget.PlanRequest("APBDES:64.02.03.2007", year, null, List.of(
                new id.lindung.budget.PlanRequest.CohortInput("RT_RW", "BPU", 24L, new java.math.BigDecimal("1000000"),
                        List.of("JKK", "JKM"), year + "-01", null)), "Demo: aparat desa dan ketua RT/RW"), demo);
        budgetPlans.finalise(((Number) village.get("id")).longValue(), demo);
        budgetPlans.create(new id.lindung.budget.PlanRequest("APBD:64.02", year, null, List.of(
                new id.lindung.budget.PlanRequest.CohortInput("NELAYAN", "BPU", 500L, new java.math.BigDecimal("1000000"),
                        List.of("JKK", "JKM"), year + "-01", "Dinas Sosial"),
                new id.lindung.budget.PlanRequest.CohortInput("PETANI", "BPU", 500L, new java.math.BigDecimal("1000000"),
                        List.of("JKK", "JKM"), year + "-04", "Dinas Pertanian")), "Demo: pekerja rentan"), demo);
    }

    private void createWorkforce(int year) {
        StringBuilder csv = new StringBuilder("region_code,year,potential_workers,source\n");
        for (String area : areas) {
            for (Region village : regions.within(RegionScope.of(area), RegionLevel.VILLAGE)) {
                csv.append(village.code()).append(',').append(year).append(',')
                        .append(plausibleWorkforce(village)).append(",DEMO - angka contoh bukan data resmi BPS / sample figures not official BPS data\n");
            }
        }
        workforce.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.system("demo"), true);
    }

    static long plausibleWorkforce(Region village) {
        long h = Integer.toUnsignedLong(village.code().hashCode() * 0x9E3779B1);
        long base = village.kind() == id.lindung.region.RegionKind.KELURAHAN ? 2_500 : 600;
        return base + h % (base * 2);
    }
}
