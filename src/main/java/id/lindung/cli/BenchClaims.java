package id.lindung.cli;

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
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's claims: a few per thousand workers, opened, documented and moved through the claim module's
 * published service ({@link Claims}) as a village operator and a BPJS officer would (never the same person), so they
 * cost what real ones cost and carry everything a real case stores. A case the rules refuse (a self-payer who stopped
 * paying is not protected) is stored REJECTED with its codes, as the module stores it when asked to. The mix, in ten:
 * four temporary disabilities just submitted, two care-cost claims approved, three temporary disabilities paid and one
 * death (JKM) paid to the spouse, which records the death in the registry (billing then reverses later months).
 */
final class BenchClaims {

    /** The smallest file the claim module takes as a PDF (it checks the bytes, not the name). */
    private static final byte[] PDF = "%PDF-1.4\n% Lindung benchmark document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Claims claims;
    private final JdbcClient jdbc;
    private final LocalDate today;
    private final Actor officer = new Actor("bench.bpjs", Role.BPJS_OFFICER, RegionScope.NATIONAL, "local");

    BenchClaims(Claims claims, JdbcClient jdbc, LocalDate today) {
        this.claims = claims;
        this.jdbc = jdbc;
        this.today = today;
    }

    /** How many cases ended in each status, and how many the module refused outright (input it did not take). */
    record Result(Map<ClaimStatus, Integer> byStatus, int refused, String firstRefusal) {
        int stored() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** {@code count} cases for active JKK members drawn at random (by id, through the registry's published view). */
    Result create(int count) {
        record Drawn(String nik, String village) {}
        List<Drawn> drawn = count <= 0 ? List.of() : jdbc.sql("""
                select w.nik, w.village_code from registry_worker w
                where w.status = 'ACTIVE'
                  and exists (select 1 from registry_membership_term t where t.worker_id = w.id and t.program = 'JKK'
                                and t.valid_to is null)
                  and w.id in (select (lo + floor(random() * (hi - lo + 1)))::bigint
                               from (select min(id) lo, max(id) hi from registry_worker) b, generate_series(1, :n))""")
                .param("n", count * 2).query((rs, n) -> new Drawn(rs.getString(1), rs.getString(2))).list();
        Map<ClaimStatus, Integer> byStatus = new EnumMap<>(ClaimStatus.class);
        int refused = 0;
        String firstRefusal = null;
        for (int k = 0; k < Math.min(count, drawn.size()); k++) {
            Drawn d = drawn.get(k);
            try {
                ClaimCase c = one(k, d.nik(), d.village());
                byStatus.merge(c.status(), 1, Integer::sum);
            } catch (RuntimeException e) {
                if (refused++ == 0) {
                    firstRefusal = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
        }
        return new Result(byStatus, refused, firstRefusal);
    }

    private ClaimCase one(int k, String nik, String village) {
        Actor operator = new Actor("bench.operator." + village, Role.VILLAGE_OPERATOR, RegionScope.of(village), "local");
        int kind = k % 10;
        LocalDate incident = today.minusDays(12 + k % 50);
        ClaimCase c;
        if (kind == 9) {
            c = open(operator, nik, ClaimType.JKM_DEATH, incident, null, null,
                    List.of(new ClaimRequests.HeirInput("Siti Rahmawati", spouseNik(nik, k), HeirRelationship.SPOUSE,
                            "BRI 0123-01-004567-53-1")));
        } else if (kind >= 4 && kind <= 5) {
            c = open(operator, nik, ClaimType.JKK_MEDICAL, incident, null,
                    new ClaimRequests.ClaimedCosts(new BigDecimal("3500000"), new BigDecimal("450000")), List.of());
        } else {
            c = open(operator, nik, ClaimType.JKK_TEMPORARY_DISABILITY, incident, 1, null, List.of());
        }
        if (c.status() != ClaimStatus.SUBMITTED || kind < 4) {
            return c;
        }
        documents(operator, c);
        move(c, ClaimStatus.VERIFIED);
        c = move(c, ClaimStatus.APPROVED);
        if (kind >= 6) {
            long id = c.id();
            c = CurrentActor.runAs(officer, () -> {
                ClaimCase approved = claims.get(id);
                String heir = approved.recipients().isEmpty() ? null : approved.recipients().get(0);
                return claims.transition(id, new ClaimRequests.Transition(ClaimStatus.PAID, null,
                        new ClaimRequests.PaymentInput("BENCH-KLAIM-" + id, today, approved.total().toBigDecimal(), heir)));
            });
        }
        return c;
    }

    private ClaimCase open(Actor operator, String nik, ClaimType type, LocalDate incident, Integer months,
                           ClaimRequests.ClaimedCosts costs, List<ClaimRequests.HeirInput> heirs) {
        return CurrentActor.runAs(operator, () -> claims.open(new ClaimRequests.Open(nik, type, incident, incident.plusDays(2),
                ClaimRequests.Facts.NONE, List.of(), heirs, costs, null, months, true)));
    }

    /** Every required document of the checklist, as a small PDF. */
    private void documents(Actor operator, ClaimCase c) {
        for (ClaimCase.Document d : c.documents()) {
            if (d.required() && !d.present()) {
                CurrentActor.runAs(operator, () -> claims.addDocument(c.id(), d.type(), d.child(), d.schoolYear(),
                        d.type().name().toLowerCase(Locale.ROOT) + ".pdf", new ByteArrayInputStream(PDF)));
            }
        }
    }

    private ClaimCase move(ClaimCase c, ClaimStatus to) {
        return CurrentActor.runAs(officer, () -> claims.transition(c.id(), new ClaimRequests.Transition(to, null, null)));
    }

    /** A valid NIK in the worker's district for a wife born 9 March 1985 (serials from 9001, as no worker has them). */
    static String spouseNik(String workerNik, int k) {
        return workerNik.substring(0, 6) + "490385" + String.format(Locale.ROOT, "%04d", 9001 + k % 998);
    }
}
