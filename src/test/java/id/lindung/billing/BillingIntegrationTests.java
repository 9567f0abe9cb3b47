package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.platform.InvalidInputException;
import id.lindung.shared.Rupiah;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BillingIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("billing-admin", Role.ADMIN, "ID");

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Bills bills;
    @Autowired Protection protection;
    @Autowired MonthRulesSource rules;
    @Autowired id.lindung.contribution.ContributionCalculator calculator;
    @Autowired java.time.Clock clock;
    BillingFixture fx;

    @BeforeEach
    void setUp() {
        fx = new BillingFixture(jdbc);
    }

    private BillingRuns.Result run(YearMonth month) {
        return CurrentActor.runAs(ADMIN, () -> runs.run(month, ADMIN, true));
    }

    private BigDecimal billed(long worker, String program, String share, YearMonth month) {
        return jdbc.sql("select coalesce(sum(amount), 0) from bill_line where worker_id = ? and program = ? and share = ? and month = ?")
                .params(worker, program, share, Date.valueOf(month.atDay(1))).query(BigDecimal.class).single();
    }

    private BigDecimal jpBase(long worker, YearMonth month) {
        return jdbc.sql("select base from bill_line where worker_id = ? and program = 'JP' and share = 'EMPLOYER' and month = ? and kind <> 'REVERSAL'")
                .params(worker, Date.valueOf(month.atDay(1))).query(BigDecimal.class).single();
    }

    @Test
    void aYearOfBillsForAVillageFollowsJoinersLeaversWageChangesAndTheJpCapChangeInMarch() {
        String desa = "64.02.03.2001";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Bakungan", desa);
        long kades = fx.worker(desa, "Kepala Desa", "KEPALA_DESA");
        for (String p : List.of("JKK", "JKM", "JHT", "JP")) {
            fx.term(kades, desa, p, "PU", "11000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        }
        long joiner = fx.worker(desa, "Kaur Baru", "PERANGKAT_DESA");
        fx.term(joiner, desa, "JKK", "PU", "2022200", "VERY_LOW", village, village, LocalDate.of(2025, 4, 20), null);
        long leaver = fx.worker(desa, "Sekdes Lama", "PERANGKAT_DESA");
        fx.term(leaver, desa, "JKM", "PU", "2224420", null, village, village, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 10));
        long raised = fx.worker(desa, "Kasi Naik Gaji", "PERANGKAT_DESA");
        long before = fx.term(raised, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        fx.close(before, LocalDate.of(2025, 7, 1), "CHANGED");
        fx.term(raised, desa, "JKK", "PU", "2500000", "VERY_LOW", village, village, LocalDate.of(2025, 7, 1), null);

        for (int m = 1; m <= 12; m++) {
            run(YearMonth.of(2025, m));
        }

        assertThat(jpBase(kades, YearMonth.of(2025, 2))).isEqualByComparingTo("10042300");
        assertThat(jpBase(kades, YearMonth.of(2025, 3))).isEqualByComparingTo("10547400");
        assertThat(billed(kades, "JP", "EMPLOYER", YearMonth.of(2025, 3))).isEqualByComparingTo("210948");
        assertThat(billed(kades, "JP", "WORKER", YearMonth.of(2025, 3))).isEqualByComparingTo("105474");
        assertThat(billed(kades, "JHT", "EMPLOYER", YearMonth.of(2025, 3))).isEqualByComparingTo("407000");
        assertThat(billed(kades, "JKK", "EMPLOYER", YearMonth.of(2025, 3))).isEqualByComparingTo("26400");

        assertThat(billed(joiner, "JKK", "EMPLOYER", YearMonth.of(2025, 3))).isZero();
        assertThat(billed(joiner, "JKK", "EMPLOYER", YearMonth.of(2025, 4))).isEqualByComparingTo("4853");

        assertThat(billed(leaver, "JKM", "EMPLOYER", YearMonth.of(2025, 6))).isEqualByComparingTo("6673");
        assertThat(billed(leaver, "JKM", "EMPLOYER", YearMonth.of(2025, 7))).isZero();

        assertThat(billed(raised, "JKK", "EMPLOYER", YearMonth.of(2025, 6))).isEqualByComparingTo("4800");
        assertThat(billed(raised, "JKK", "EMPLOYER", YearMonth.of(2025, 7))).isEqualByComparingTo("6000");

        long bills = jdbc.sql("select count(*) from bill where payer_id = ?").param(village).query(Long.class).single();
        assertThat(bills).isEqualTo(12);
        String version = jdbc.sql("select distinct regulation_version from bill_line where worker_id = ? and month = date '2025-03-01'")
                .param(kades).query(String.class).single();
        assertThat(version).startsWith("2025-03:").isEqualTo(rules.forMonth(YearMonth.of(2025, 3)).regulationVersion());
    }

    @Test
    void reRunningAMonthAddsNothingAndARetroactiveWageChangeIsAReversalPlusAnAdjustment() {
        String desa = "64.02.03.2002";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Loa Duri Ulu", desa);
        long w = fx.worker(desa, "Perangkat", "PERANGKAT_DESA");
        long term = fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        YearMonth may = YearMonth.of(2025, 5);
        run(may);
        long lines = jdbc.sql("select count(*) from bill_line where payer_id = ?").param(village).query(Long.class).single();
        run(may);
        run(may);
        assertThat(jdbc.sql("select count(*) from bill_line where payer_id = ?").param(village).query(Long.class).single()).isEqualTo(lines);

        fx.close(term, LocalDate.of(2025, 5, 1), "CHANGED");
        fx.term(w, desa, "JKK", "PU", "3000000", "VERY_LOW", village, village, LocalDate.of(2025, 5, 1), null);
        run(may);
        var kinds = jdbc.sql("select kind, amount from bill_line where worker_id = ? and month = date '2025-05-01' order by id")
                .param(w).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()).list();
        assertThat(kinds).containsExactly("ORIGINAL 4800", "REVERSAL -4800", "ADJUSTMENT 7200");
        assertThat(billed(w, "JKK", "EMPLOYER", may)).isEqualByComparingTo("7200");
        run(may);
        assertThat(jdbc.sql("select count(*) from bill_line where worker_id = ?").param(w).query(Long.class).single()).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql("update bill_line set amount = 0 where worker_id = ?").param(w).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void paymentsSettleTheOldestMonthFirstAPartialPaymentLeavesArrearsAndAReferenceCountsOnce() {
        String desa = "64.02.03.2003";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Loa Janan Ulu", desa);
        long w = fx.worker(desa, "Kaur", "PERANGKAT_DESA");
        fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        run(YearMonth.of(2025, 1));
        run(YearMonth.of(2025, 2));
        // each month: JKK 4,800 + JKM 6,000 = 10,800
        var first = CurrentActor.runAs(ADMIN, () -> payments.record(new Payments.PaymentRequest("APBDES:" + desa, "TRX-001",
                LocalDate.of(2025, 2, 10), new BigDecimal("15000"), "BANK"), ADMIN));
        assertThat(first.duplicate()).isFalse();
        var again = CurrentActor.runAs(ADMIN, () -> payments.record(new Payments.PaymentRequest("APBDES:" + desa, "TRX-001",
                LocalDate.of(2025, 2, 10), new BigDecimal("15000"), "BANK"), ADMIN));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> CurrentActor.runAs(ADMIN, () -> payments.record(new Payments.PaymentRequest("APBDES:" + desa,
                "TRX-001", LocalDate.of(2025, 2, 10), new BigDecimal("99000"), "BANK"), ADMIN)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already used");
        assertThat(jdbc.sql("select count(*) from payment where payer_id = ?").param(village).query(Long.class).single()).isOne();

        Map<YearMonth, Rupiah> outstanding = new java.util.HashMap<>();
        bills.find("APBDES:" + desa, null, ADMIN, LocalDate.of(2025, 2, 10)).forEach(b -> outstanding.put(b.month(), b.outstanding()));
        assertThat(outstanding.get(YearMonth.of(2025, 1))).isEqualTo(Rupiah.ZERO);
        assertThat(outstanding.get(YearMonth.of(2025, 2))).isEqualTo(Rupiah.of(6600));
        // January fully paid; in February JKK (4,800 of the remaining 4,200? no: 15,000 - 10,800 = 4,200) goes to JKK first
        var paidFeb = jdbc.sql("select program from paid_month where worker_id = ? and month = date '2025-02-01'").param(w)
                .query(String.class).list();
        assertThat(paidFeb).isEmpty();
        var paidJan = jdbc.sql("select program from paid_month where worker_id = ? and month = date '2025-01-01' order by program")
                .param(w).query(String.class).list();
        assertThat(paidJan).containsExactly("JKK", "JKM");
        BigDecimal jkkFeb = jdbc.sql("""
                select a.amount from payment_allocation a join bill_line l on l.id = a.bill_line_id
                where l.worker_id = ? and l.month = date '2025-02-01' and l.program = 'JKK'""").param(w).query(BigDecimal.class).single();
        assertThat(jkkFeb).isEqualByComparingTo("4200");
    }

    @Test
    void anUnpaidPuBillCarriesTheLateFineOfTwoPercentPerStartedMonthAndBpuNone() {
        String desa = "64.02.03.2004";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Purwajaya", desa);
        long w = fx.worker(desa, "Kaur", "PERANGKAT_DESA");
        fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        long self = fx.payer("SELF:" + fx.nik(fx.worker(desa, "Nelayan", "NELAYAN")), "SELF", "Nelayan", desa);
        long fisher = jdbc.sql("select max(id) from worker where village_code = ? and category = 'NELAYAN'").param(desa).query(Long.class).single();
        fx.term(fisher, desa, "JKM", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);
        run(YearMonth.of(2025, 1));
        // PU January is due 17 Feb 2025 (15 Feb is a Saturday); on 20 Mar it is two started months late
        BillSummary pu = bills.find("APBDES:" + desa, YearMonth.of(2025, 1), ADMIN, LocalDate.of(2025, 3, 20)).get(0);
        assertThat(pu.dueDate()).isEqualTo(LocalDate.of(2025, 2, 17));
        assertThat(pu.fine()).isEqualTo(Rupiah.of(240));
        BillSummary bpu = bills.find("SELF:" + fx.nik(fisher), YearMonth.of(2025, 1), ADMIN, LocalDate.of(2025, 6, 1)).get(0);
        assertThat(bpu.outstanding()).isEqualTo(Rupiah.of(6800));
        assertThat(bpu.fine()).isEqualTo(Rupiah.ZERO);
        assertThat(monthsLate("2025-02-17", "2025-02-17")).isZero();
        assertThat(monthsLate("2025-02-17", "2025-02-18")).isOne();
        assertThat(monthsLate("2025-02-17", "2025-03-17")).isOne();
        assertThat(monthsLate("2025-02-17", "2025-03-18")).isEqualTo(2);
        assertThat(monthsLate("2025-01-31", "2025-03-01")).isEqualTo(2);
    }

    @Test
    void aBpuMembershipLapsesEndsAfterThreeUnpaidMonthsAndABackPaymentWithinTheWindowRestoresIt() {
        String desa = "64.02.03.2005";
        long fisher = fx.worker(desa, "Nelayan Mandiri", "NELAYAN");
        String nik = fx.nik(fisher);
        long self = fx.payer("SELF:" + nik, "SELF", "Nelayan Mandiri", desa);
        fx.term(fisher, desa, "JKK", "BPU", "1000000", null, null, self, LocalDate.of(2024, 1, 1), null);
        fx.term(fisher, desa, "JKM", "BPU", "1000000", null, null, self, LocalDate.of(2024, 1, 1), null);
        for (int m = 1; m <= 8; m++) {
            run(YearMonth.of(2024, m));
        }
        Actor op = ADMIN;
        pay(op, "SELF:" + nik, "BPU-JAN", LocalDate.of(2024, 1, 10), "16800");
        var status = (java.util.function.Function<LocalDate, String>) d ->
                protection.of(nik, d, op.scope()).programs().stream().filter(p -> p.program().equals("JKK")).findFirst()
                        .map(p -> p.status().name()).orElse("NONE");
        assertThat(status.apply(LocalDate.of(2024, 1, 20))).isEqualTo("PROTECTED");
        assertThat(status.apply(LocalDate.of(2024, 2, 10))).isEqualTo("IN_GRACE");
        assertThat(status.apply(LocalDate.of(2024, 2, 20))).isEqualTo("LAPSED");
        assertThat(status.apply(LocalDate.of(2024, 4, 20))).isEqualTo("LAPSED");
        assertThat(status.apply(LocalDate.of(2024, 5, 20))).isEqualTo("ENDED");

        // back-payment of February to April on 1 May: within three months of each due date
        pay(op, "SELF:" + nik, "BPU-BACK", LocalDate.of(2024, 5, 1), String.valueOf(16800 * 3));
        assertThat(status.apply(LocalDate.of(2024, 2, 20))).isEqualTo("PROTECTED");
        assertThat(status.apply(LocalDate.of(2024, 4, 20))).isEqualTo("PROTECTED");
        assertThat(status.apply(LocalDate.of(2024, 5, 20))).isEqualTo("LAPSED");
        var report = protection.of(nik, LocalDate.of(2024, 4, 20), op.scope());
        assertThat(report.programs()).extracting(Protection.ProgramStatus::paidThrough).containsOnly("2024-04");
        assertThat(report.programs()).extracting(Protection.ProgramStatus::payer).containsOnly("SELF:" + nik);
        assertThat(status.apply(LocalDate.of(2023, 12, 31))).isEqualTo("NONE");
    }

    @Test
    void aReversedPaymentUndoesItsAllocation() {
        String desa = "64.02.03.2006";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa", desa);
        long w = fx.worker(desa, "Kaur", "PERANGKAT_DESA");
        fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        run(YearMonth.of(2025, 1));
        var p = pay(ADMIN, "APBDES:" + desa, "WRONG-1", LocalDate.of(2025, 1, 20), "6000");
        assertThat(jdbc.sql("select count(*) from paid_month where worker_id = ?").param(w).query(Long.class).single()).isOne();
        Actor officer = TestUsers.actor("billing-officer", Role.BPJS_OFFICER, "64.02");
        CurrentActor.runAs(officer, () -> payments.reverse(p.id(), "transfer salah alamat", officer));
        assertThat(jdbc.sql("select count(*) from paid_month where worker_id = ?").param(w).query(Long.class).single()).isZero();
        // the same payment sent again is a duplicate that says it was reversed: no money of it is in effect
        var retried = pay(ADMIN, "APBDES:" + desa, "WRONG-1", LocalDate.of(2025, 1, 20), "6000");
        assertThat(retried.duplicate()).isTrue();
        assertThat(retried.reversed()).isTrue();
        assertThat(retried.message()).contains("since been reversed");
        assertThat(p.reversed()).isFalse();
        assertThat(bills.find("APBDES:" + desa, YearMonth.of(2025, 1), ADMIN, null).get(0).outstanding()).isEqualTo(Rupiah.of(6000));
        Actor operator = TestUsers.actor("billing-op", Role.VILLAGE_OPERATOR, desa);
        assertThatThrownBy(() -> payments.reverse(p.id(), "no", operator))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /**
     * A payment file re-allocates its payers from their first month (the file may hold a back-dated payment), and only
     * the allocations, paid months and balances that change are written: a back-dated payment moves the history's paid
     * dates, and the month it completes becomes paid.
     */
    @Test
    void aBackDatedPaymentInAFileMovesTheHistorysPaidDatesAndSettlesTheNextMonth() {
        String desa = "64.02.04.2003";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa", desa);
        long w = fx.worker(desa, "Kaur", "PERANGKAT_DESA");
        fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        run(YearMonth.of(2025, 1));
        run(YearMonth.of(2025, 2));
        pay(ADMIN, "APBDES:" + desa, "LATE-1", LocalDate.of(2025, 3, 10), "6000");
        assertThat(paidMonths(w)).containsExactly("2025-01-01 2025-03-10");

        CurrentActor.runAs(ADMIN, () -> payments.recordAll(List.of(new Payments.PaymentRequest("APBDES:" + desa, "EARLY-1",
                LocalDate.of(2025, 2, 5), new BigDecimal("6000"), "BANK")), ADMIN));

        assertThat(paidMonths(w)).containsExactly("2025-01-01 2025-02-05", "2025-02-01 2025-03-10");
        assertThat(jdbc.sql("select string_agg(month || ' ' || paid_on, ',' order by month) from payment_allocation where payer_id = ?")
                .param(village).query(String.class).single()).isEqualTo("2025-01-01 2025-02-05,2025-02-01 2025-03-10");
        assertThat(bills.find("APBDES:" + desa, null, ADMIN, LocalDate.of(2025, 3, 10)))
                .allSatisfy(b -> assertThat(b.outstanding()).isEqualTo(Rupiah.ZERO)).hasSize(2);
    }

    /**
     * A payment larger than the bill leaves credit that settles the next month when it is billed: the run allocates it
     * and the worker's month is paid on the payment's date. A retroactive raise of that month that the credit no longer
     * covers makes the month unpaid again.
     */
    @Test
    void creditFromAnEarlierPaymentSettlesTheNextMonthWhenItIsBilledUntilARaiseExceedsIt() {
        String desa = "64.02.04.2004";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa", desa);
        long w = fx.worker(desa, "Kasi", "PERANGKAT_DESA");
        long term = fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        run(YearMonth.of(2025, 1));
        pay(ADMIN, "APBDES:" + desa, "AHEAD-1", LocalDate.of(2025, 1, 20), "12000");
        assertThat(paidMonths(w)).containsExactly("2025-01-01 2025-01-20");

        run(YearMonth.of(2025, 2));
        assertThat(paidMonths(w)).containsExactly("2025-01-01 2025-01-20", "2025-02-01 2025-01-20");
        assertThat(bills.find("APBDES:" + desa, YearMonth.of(2025, 2), ADMIN, LocalDate.of(2025, 2, 1)))
                .singleElement().satisfies(b -> assertThat(b.outstanding()).isEqualTo(Rupiah.ZERO));

        // February's wage raised after the fact: a reversal and a 9,000 line, of which the credit covers 6,000
        jdbc.sql("update membership_term set wage = 3000000 where id = ?").param(term).update();
        run(YearMonth.of(2025, 2));
        assertThat(paidMonths(w)).containsExactly("2025-01-01 2025-01-20");
        assertThat(bills.find("APBDES:" + desa, YearMonth.of(2025, 2), ADMIN, LocalDate.of(2025, 2, 1)))
                .singleElement().satisfies(b -> assertThat(b.outstanding()).isEqualTo(Rupiah.of(new BigDecimal("3000"))));
    }

    private List<String> paidMonths(long worker) {
        return jdbc.sql("select month || ' ' || paid_on from paid_month where worker_id = ? order by month").param(worker)
                .query(String.class).list();
    }

    private int monthsLate(String due, String asOf) {
        return jdbc.sql("select months_late(cast(? as date), cast(? as date))").params(due, asOf).query(Integer.class).single();
    }

    private Payments.PaymentResult pay(Actor actor, String payer, String ref, LocalDate date, String amount) {
        return CurrentActor.runAs(actor, () -> payments.record(new Payments.PaymentRequest(payer, ref, date, new BigDecimal(amount), "BANK"), actor));
    }

    @Test
    void everyBilledShareEqualsTheContributionCalculatorAcrossReliefCapAndDiscountMonths() {
        String desa = "64.02.03.2007";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Loa Duri Ilir", desa);
        long company = fx.payer("EMPLOYER:LDI-TEKSTIL", "EMPLOYER", "Pabrik tekstil (padat karya)", desa);
        java.util.Random random = new java.util.Random(7);
        String[] risks = {"VERY_LOW", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"};
        java.util.List<long[]> pu = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long w = fx.worker(desa, "PU " + i, "PERANGKAT_DESA");
            String wage = String.valueOf(1_500_000 + random.nextInt(12_000_000));
            String risk = risks[i % risks.length];
            boolean labourIntensive = i % 3 == 0;
            long payer = labourIntensive ? company : village;
            for (String p : List.of("JKK", "JKM", "JHT", "JP")) {
                long t = fx.term(w, desa, p, "PU", wage, risk, payer, payer, LocalDate.of(2020, 1, 1), null);
                if (labourIntensive) {
                    jdbc.sql("update membership_term set labour_intensive = true where id = ?").param(t).update();
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            long w = fx.worker(desa, "BPU " + i, "PETANI");
            long self = fx.payer("SELF:" + fx.nik(w), "SELF", "BPU " + i, desa);
            String income = String.valueOf(1_000_000 + random.nextInt(19_000_000));
            for (String p : List.of("JKK", "JKM", "JHT")) {
                fx.term(w, desa, p, "BPU", income, null, null, self, LocalDate.of(2020, 1, 1), null);
            }
        }
        List<YearMonth> months = List.of(YearMonth.of(2020, 7), YearMonth.of(2020, 9), YearMonth.of(2021, 2),
                YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 8), YearMonth.of(2026, 1));
        for (YearMonth m : months) {
            run(m);
            if (m.equals(YearMonth.of(2020, 7))) {
                // the PP 49/2020 relief goes only to payers who had paid up to July 2020 (billing facts): all pay it
                jdbc.sql("""
                        select p.code, sum(l.amount) from bill_line l join payer p on p.id = l.payer_id
                        where l.village_code = ? and l.month = date '2020-07-01' group by p.code""").param(desa)
                        .query((rs, n) -> pay(ADMIN, rs.getString(1), "JULY-2020-" + rs.getString(1), LocalDate.of(2020, 8, 10),
                                rs.getBigDecimal(2).toPlainString())).list();
            }
            var schedule = calculator.schedule(m);
            var lines = jdbc.sql("""
                    select l.program, l.segment, l.share, l.amount, t.wage, t.risk_group, t.labour_intensive, l.regulation_version
                    from bill_line l join membership_term t on t.id = l.term_id
                    where l.village_code = ? and l.month = ? and l.kind <> 'REVERSAL'""")
                    .params(desa, Date.valueOf(m.atDay(1)))
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getString(6), rs.getBoolean(7), rs.getString(8)}).list();
            assertThat(lines).as("lines for " + m).hasSizeGreaterThanOrEqualTo(12 * 6 + 6 * 3);
            for (Object[] l : lines) {
                var program = id.lindung.shared.Programme.valueOf((String) l[0]);
                var wage = id.lindung.shared.Rupiah.of((BigDecimal) l[4]);
                var expected = "PU".equals(l[1])
                        ? schedule.puLine(program, wage, id.lindung.shared.RiskGroup.valueOf((String) l[5]), (Boolean) l[6])
                        : schedule.bpuLine(program, wage);
                BigDecimal share = ("EMPLOYER".equals(l[2]) ? expected.employer() : expected.worker()).toBigDecimal();
                assertThat((BigDecimal) l[3]).as(m + " " + l[0] + " " + l[1] + " " + l[2] + " wage " + wage).isEqualByComparingTo(share);
                assertThat((String) l[7]).isEqualTo(schedule.regulationVersion());
            }
        }
    }

    @Test
    void aDistrictOfficeBillsOnlyItsOwnVillagesAndNeverReversesOtherRegionsLines() {
        String kukar = "64.02.04.2001";
        String bulukumba = "73.02.03.2005";
        long kukarPayer = fx.payer("APBDES:" + kukar, "APBDES", "Pemerintah Desa di Kukar", kukar);
        long bulukumbaPayer = fx.payer("APBDES:" + bulukumba, "APBDES", "Pemerintah Desa di Bulukumba", bulukumba);
        long k = fx.worker(kukar, "Perangkat Kukar", "PERANGKAT_DESA");
        long b = fx.worker(bulukumba, "Perangkat Bulukumba", "PERANGKAT_DESA");
        fx.term(k, kukar, "JKM", "PU", "2000000", null, kukarPayer, kukarPayer, LocalDate.of(2022, 1, 1), null);
        fx.term(b, bulukumba, "JKM", "PU", "2000000", null, bulukumbaPayer, bulukumbaPayer, LocalDate.of(2022, 1, 1), null);
        Actor dpmd = TestUsers.actor("billing-dpmd-kukar", Role.DPMD, "64.02");
        YearMonth month = YearMonth.of(2022, 5);
        CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        assertThat(billed(k, "JKM", "EMPLOYER", month)).isEqualByComparingTo("6000");
        assertThat(billed(b, "JKM", "EMPLOYER", month)).isZero();
        run(month);
        CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        assertThat(billed(b, "JKM", "EMPLOYER", month)).isEqualByComparingTo("6000");
        assertThat(jdbc.sql("select count(*) from bill_line where worker_id in (?, ?)").params(k, b).query(Long.class).single()).isEqualTo(2);
        assertThatThrownBy(() -> CurrentActor.runAs(dpmd, () -> runs.run(YearMonth.now(clock).plusMonths(2), dpmd)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most one month ahead");
    }

    @Test
    void aVillageBillWithPuAndBpuLinesFinesPuFromItsOwnDueDateAndTheFineStaysAfterALatePayment() {
        String desa = "64.02.03.2008";
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Tani Harapan", desa);
        long official = fx.worker(desa, "Kaur", "PERANGKAT_DESA");
        fx.term(official, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2023, 1, 1), null);
        long farmer = fx.worker(desa, "Petani", "PETANI");
        fx.term(farmer, desa, "JKM", "BPU", "1000000", null, null, village, LocalDate.of(2023, 1, 1), null);
        run(YearMonth.of(2023, 10));
        // BPU October is due 16 Oct (15 is a Sunday), PU October on 15 Nov 2023
        BillSummary onNov20 = bills.find("APBDES:" + desa, YearMonth.of(2023, 10), ADMIN, LocalDate.of(2023, 11, 20)).get(0);
        assertThat(onNov20.dueDate()).isEqualTo(LocalDate.of(2023, 10, 16));
        assertThat(onNov20.fine()).isEqualTo(Rupiah.of(120));
        BillSummary onNov10 = bills.find("APBDES:" + desa, YearMonth.of(2023, 10), ADMIN, LocalDate.of(2023, 11, 10)).get(0);
        assertThat(onNov10.fine()).isEqualTo(Rupiah.ZERO);
        pay(ADMIN, "APBDES:" + desa, "LATE-OCT", LocalDate.of(2023, 12, 20), "12800");
        BillSummary afterPayment = bills.find("APBDES:" + desa, YearMonth.of(2023, 10), ADMIN, LocalDate.of(2024, 3, 1)).get(0);
        assertThat(afterPayment.outstanding()).isEqualTo(Rupiah.ZERO);
        assertThat(afterPayment.fine()).as("2 started months late on 6,000").isEqualTo(Rupiah.of(240));
    }
}
