package id.lindung.demo;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.claim.ClaimCase;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimType;
import id.lindung.claim.Claims;
import id.lindung.claim.HeirRelationship;
import id.lindung.claim.SchoolLevel;
import id.lindung.platform.BusinessClock;
import id.lindung.registry.MembershipTerm;
import id.lindung.registry.NikChecker;
import id.lindung.registry.Worker;
import id.lindung.registry.Workers;
import id.lindung.shared.Programme;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo claims in every demo area, a few in each state of the workflow, opened by the village and decided by a BPJS
 * officer (never the same person), with their documents: a temporary disability just submitted, one whose complete
 * file has waited eight days for BPJS's verification (overdue), a partial disability verified, care and transport costs
 * approved, an accident before the membership stored as rejected with its code, and a paid one. In the area of the demo
 * users' village (else the first that can), the death (JKM) of an official who joined in 2019, with a spouse and two
 * school-age children: paid, the children's scholarship years scheduled and this year's due.
 */
@Component
class DemoClaims {

    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);
    /** The demo's own BPJS officers and village operators, by area; elsewhere a demo name of the role. */
    private static final Map<String, String> BPJS_OFFICERS = Map.of("64.02", "bpjs.kukar", "63", "bpjs.kalsel");
    private static final Map<String, String> OPERATORS = Map.of("64.02.03.2007", "operator.loaduriilir");
    private static final String FEATURED_VILLAGE = "64.02.03.2007";
    /** How long the overdue case has waited at SUBMITTED: more than the 5 days of lindung.claims.overdue-days.submitted. */
    static final java.time.Duration WAITING = java.time.Duration.ofDays(8);
    /** The smallest file the claim module takes as a PDF (it checks the bytes, not the name). */
    private static final byte[] DEMO_PDF = "%PDF-1.4\n% Lindung demo document (contoh, bukan dokumen asli)\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Claims claims;
    private final Workers workers;
    private final NikChecker nikChecker;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoClaims(Claims claims, Workers workers, NikChecker nikChecker, JdbcClient jdbc, Clock clock) {
        this.claims = claims;
        this.workers = workers;
        this.nikChecker = nikChecker;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The claims of every area; the featured death case in the area of {@link #FEATURED_VILLAGE}, else the first that can. */
    void create(List<String> areas) {
        for (String area : areas) {
            List<String> niks = jdbc.sql("""
                    select w.nik from registry_worker w
                    where w.village_code like ? || '.%' and w.status = 'ACTIVE'
                      and exists (select 1 from registry_membership_term t
                                  where t.worker_id = w.id and t.program = 'JKK' and t.valid_to is null)
                    order by (w.village_code = ?) desc, w.village_code, w.id limit 30""")
                    .params(area, FEATURED_VILLAGE).query(String.class).list();
            if (niks.size() < 5) {
                continue;
            }
            java.util.Deque<String> candidates = new java.util.ArrayDeque<>(niks);
            Worker first = workers.get(niks.get(0), RegionScope.NATIONAL);
            Actor operator = operator(first.villageCode());
            Actor officer = officer(area);
            LocalDate today = LocalDate.now(clock);
            tryCase("temporary disability", candidates, nik -> open(operator(villageOf(nik)), nik, ClaimType.JKK_TEMPORARY_DISABILITY,
                    today.minusDays(12), today.minusDays(10), null, null, 2, null, List.of(), List.of()));
            // overdue (docs/claims.md): an accident reported the next day, its file complete that day, and BPJS has not
            // verified it for eight days, longer than lindung.claims.overdue-days.submitted (5). The village took its
            // steps eight days ago, so the case, its history and its documents are of that day.
            tryCase("waiting for verification", candidates, nik -> BusinessClock.replay(WAITING, () -> {
                Actor op = operator(villageOf(nik));
                LocalDate then = LocalDate.now(clock);
                ClaimCase c = open(op, nik, ClaimType.JKK_TEMPORARY_DISABILITY, then.minusDays(1), then, null, null, 1, null,
                        List.of(), List.of());
                documents(op, c);
                return c;
            }));
            tryCase("partial disability", candidates, nik -> {
                ClaimCase c = open(operator(villageOf(nik)), nik, ClaimType.JKK_PARTIAL_DISABILITY,
                        today.minusDays(40), today.minusDays(35), null, new BigDecimal("10"), null, null, List.of(), List.of());
                documents(operator(villageOf(nik)), c);
                move(officer, c, ClaimStatus.VERIFIED, null);
            });
            tryCase("care costs", candidates, nik -> {
                Actor op = operator(villageOf(nik));
                ClaimCase c = open(op, nik, ClaimType.JKK_MEDICAL, today.minusDays(30), today.minusDays(28), null, null,
                        null, new ClaimRequests.ClaimedCosts(new BigDecimal("3500000"), new BigDecimal("450000")), List.of(), List.of());
                documents(op, c);
                move(officer, c, ClaimStatus.VERIFIED, null);
                move(officer, c, ClaimStatus.APPROVED, null);
            });
            tryCase("accident before membership", candidates, nik -> open(operator(villageOf(nik)), nik,
                    ClaimType.JKK_TEMPORARY_DISABILITY, LocalDate.of(2024, 10, 14), LocalDate.of(2024, 10, 20), null, null, 1,
                    null, List.of(), List.of(), true));
            tryCase("paid disability", candidates, nik -> {
                Actor op = operator(villageOf(nik));
                ClaimCase c = open(op, nik, ClaimType.JKK_TEMPORARY_DISABILITY, today.minusDays(70), today.minusDays(66),
                        null, null, 1, null, List.of(), List.of());
                documents(op, c);
                move(officer, c, ClaimStatus.VERIFIED, null);
                move(officer, c, ClaimStatus.APPROVED, null);
                pay(officer, c.id());
            });
        }
        // the featured death where the demo's own users work (operator.loaduriilir, dpmd.kukar, bpjs.kukar): in the first
        // area it went to 62.02, where no demo user could see the case or pay its scholarship years
        LocalDate today = LocalDate.now(clock);
        for (String area : featuredFirst(areas)) {
            if (tryCase("death of a village official", () -> featuredDeath(area, officer(area), today))) {
                return;
            }
        }
    }

    /** The areas, the one holding {@link #FEATURED_VILLAGE} first, the others in their order. */
    static List<String> featuredFirst(List<String> areas) {
        List<String> ordered = new java.util.ArrayList<>(areas);
        ordered.sort(java.util.Comparator.comparing(area -> !FEATURED_VILLAGE.startsWith(area + ".")));
        return ordered;
    }

    /**
     * The death of a village official who joined in July 2019 (so the JKM scholarship's three years are met), with a
     * spouse and two children in primary and junior secondary school: documents complete, verified, approved, paid to
     * the spouse, and this school year's certificates in, so both children's years are due.
     */
    private boolean featuredDeath(String area, Actor officer, LocalDate today) {
        String official = jdbc.sql("""
                select w.nik from registry_worker w
                where w.village_code like ? || '.%' and w.status = 'ACTIVE'
                  and exists (select 1 from registry_membership_term t
                              where t.worker_id = w.id and t.program = 'JKM' and t.segment = 'PU' and t.valid_to is null)
                order by (w.village_code = ?) desc, w.id limit 1""").params(area, FEATURED_VILLAGE)
                .query(String.class).optional().orElse(null);
        if (official == null) {
            return false;
        }
        Worker model = workers.get(official, RegionScope.NATIONAL);
        MembershipTerm term = workers.terms(model, RegionScope.NATIONAL).stream()
                .filter(t -> t.program() == Programme.JKM).findFirst().orElse(null);
        if (term == null) {
            return false;
        }
        LocalDate birth = LocalDate.of(1982, 8, 17);
        String nik = freeNik(model.villageCode(), birth, "L");
        String payer = term.employerPayerCode() != null ? term.employerPayerCode() : term.workerPayerCode();
        Actor operator = operator(model.villageCode());
        Worker w = CurrentActor.runAs(operator, () -> workers.register(new Workers.Registration(nik, "Ahmad Sulaiman", "L", birth,
                model.villageCode(), null, null, model.category(), false, null, List.of(Programme.JKK, Programme.JKM),
                term.segment(), term.wage().toBigDecimal(), term.riskGroup(), payer, LocalDate.of(2019, 7, 1))));
        LocalDate died = today.minusDays(45);
        ClaimCase c = open(operator, w.nik(), ClaimType.JKM_DEATH, died, died.plusDays(6), null, null, null, null,
                List.of(new ClaimRequests.ChildInput("Nur Aisyah", today.minusYears(10).minusMonths(3), SchoolLevel.SD),
                        new ClaimRequests.ChildInput("Muhammad Rizki", today.minusYears(13).minusMonths(7), SchoolLevel.SMP)),
                List.of(new ClaimRequests.HeirInput("Siti Rahmawati", freeNik(model.villageCode(), LocalDate.of(1985, 3, 9), "P"),
                                HeirRelationship.SPOUSE, "BRI 0123-01-004567-53-1"),
                        new ClaimRequests.HeirInput("Nur Aisyah", freeNik(model.villageCode(), today.minusYears(10).minusMonths(3), "P"),
                                HeirRelationship.CHILD, null),
                        new ClaimRequests.HeirInput("Muhammad Rizki", freeNik(model.villageCode(), today.minusYears(13).minusMonths(7), "L"),
                                HeirRelationship.CHILD, null)));
        documents(operator, c);
        move(officer, c, ClaimStatus.VERIFIED, null);
        move(officer, c, ClaimStatus.APPROVED, null);
        pay(officer, c.id());
        // this school year's certificates: each child's year becomes due
        ClaimCase paid = CurrentActor.runAs(operator, () -> claims.get(c.id()));
        String thisYear = paid.scholarships().stream().filter(s -> s.status() == ClaimCase.ScholarshipStatus.SCHEDULED)
                .map(ClaimCase.Scholarship::schoolYear).findFirst().orElse(null);
        if (thisYear != null) {
            for (ClaimCase.Child child : paid.children()) {
                CurrentActor.runAs(operator, () -> claims.addDocument(c.id(), id.lindung.claim.DocumentType.SCHOOL_CERTIFICATE,
                        child.no(), thisYear, "surat-keterangan-sekolah-" + child.no() + ".pdf", new ByteArrayInputStream(DEMO_PDF)));
            }
        }
        return true;
    }

    private ClaimCase open(Actor actor, String nik, ClaimType type, LocalDate incident, LocalDate reported, BigDecimal wage,
                           BigDecimal percent, Integer months, ClaimRequests.ClaimedCosts costs,
                           List<ClaimRequests.ChildInput> children, List<ClaimRequests.HeirInput> heirs) {
        return open(actor, nik, type, incident, reported, wage, percent, months, costs, children, heirs, false);
    }

    private ClaimCase open(Actor actor, String nik, ClaimType type, LocalDate incident, LocalDate reported, BigDecimal wage,
                           BigDecimal percent, Integer months, ClaimRequests.ClaimedCosts costs,
                           List<ClaimRequests.ChildInput> children, List<ClaimRequests.HeirInput> heirs, boolean submitIfIneligible) {
        ClaimRequests.Facts facts = wage == null ? ClaimRequests.Facts.NONE
                : new ClaimRequests.Facts(wage, null, null, null, null, null, null, null, null, null);
        return CurrentActor.runAs(actor, () -> claims.open(new ClaimRequests.Open(nik, type, incident, reported, facts, children, heirs,
                costs, percent, months, submitIfIneligible)));
    }

    /** Every required document of the checklist, as a small PDF marked as a demo. */
    private void documents(Actor actor, ClaimCase c) {
        for (ClaimCase.Document d : c.documents()) {
            if (d.required() && !d.present()) {
                CurrentActor.runAs(actor, () -> claims.addDocument(c.id(), d.type(), d.child(), d.schoolYear(),
                        d.type().name().toLowerCase(java.util.Locale.ROOT) + ".pdf", new ByteArrayInputStream(DEMO_PDF)));
            }
        }
    }

    private void move(Actor officer, ClaimCase c, ClaimStatus to, String reason) {
        CurrentActor.runAs(officer, () -> claims.transition(c.id(), new ClaimRequests.Transition(to, reason, null)));
    }

    /**
     * Pays today: the module records every step, and the day the file was complete, at the clock's date, so a back-dated
     * payment preceded the complete file it was made on (review of 3 December 2026: "paid on 25 Oct" beside "complete
     * since 4 Dec"); the module now refuses that with PAYMENT_BEFORE_FILE_COMPLETE.
     */
    private void pay(Actor officer, long id) {
        LocalDate on = LocalDate.now(clock);
        CurrentActor.runAs(officer, () -> {
            ClaimCase c = claims.get(id);
            String heir = c.recipients().isEmpty() ? null : c.recipients().get(0);
            return claims.transition(id, new ClaimRequests.Transition(ClaimStatus.PAID, null,
                    new ClaimRequests.PaymentInput("DEMO-KLAIM-" + id, on, c.total().toBigDecimal(), heir)));
        });
    }

    /**
     * One case of the demo for the first of up to eight workers the rules accept (a self-payer who stopped paying is not
     * protected): each worker tried is used up and passed over quietly; only a case no worker could take is a warning
     * on the first start's console, and the others go on.
     */
    private static void tryCase(String what, java.util.Deque<String> candidates, java.util.function.Consumer<String> work) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 8 && !candidates.isEmpty(); attempt++) {
            String nik = candidates.poll();
            try {
                work.accept(nik);
                return;
            } catch (RuntimeException e) {
                log.debug("Demo claim '{}' not taken by a worker: {}", what, e.getMessage());
                last = e;
            }
        }
        log.warn("Demo claim '{}' not created: {}", what, last == null ? "no active JKK member left" : last.getMessage());
    }

    /** One case of the demo, true when made: a case the rules refuse is logged and the others go on. */
    private static boolean tryCase(String what, java.util.function.BooleanSupplier work) {
        try {
            return work.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("Demo claim '{}' not created: {}", what, e.getMessage());
            return false;
        }
    }

    private String villageOf(String nik) {
        return jdbc.sql("select village_code from registry_worker where nik = ?").param(nik).query(String.class).single();
    }

    private static Actor operator(String village) {
        return new Actor(OPERATORS.getOrDefault(village, "operator.demo." + village), Role.VILLAGE_OPERATOR, RegionScope.of(village), "local");
    }

    private static Actor officer(String area) {
        return new Actor(BPJS_OFFICERS.getOrDefault(area, "bpjs.demo." + area), Role.BPJS_OFFICER, RegionScope.of(area), "local");
    }

    /** A valid NIK of the village's district for the birth date and sex that no worker holds yet. */
    private String freeNik(String village, LocalDate birth, String sex) {
        String district = village.substring(0, 8).replace(".", "");
        int day = birth.getDayOfMonth() + ("P".equals(sex) ? 40 : 0);
        String born = String.format("%02d%02d%02d", day, birth.getMonthValue(), birth.getYear() % 100);
        for (int serial = 9001; serial < 9999; serial++) {
            String nik = district + born + String.format("%04d", serial);
            boolean taken = jdbc.sql("select exists(select 1 from registry_worker where nik = ?)").param(nik).query(Boolean.class).single();
            if (!taken && nikChecker.check(nik).valid()) {
                return nik;
            }
        }
        throw new IllegalStateException("No free demo NIK in " + district);
    }
}
