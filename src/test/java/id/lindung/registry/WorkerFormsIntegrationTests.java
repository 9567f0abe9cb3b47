package id.lindung.registry;

import id.lindung.support.Categories;
import static id.lindung.registry.RegistryFixture.ADMIN;
import static id.lindung.registry.RegistryFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's screens: registering a worker through the form, what a NIK already registered offers (open it, move
 * it here, or ask the DPMD to), and changing or ending a membership on the worker page. Regency 63.04 (Barito Kuala)
 * is used by no other test.
 */
@IntegrationTest
class WorkerFormsIntegrationTests {

    static final String HERE = "63.04.01.2001";
    /** Another district of the same regency: a village operator of HERE may not see it, the regency's DPMD may. */
    static final String FAR = "63.04.02.2001";
    static final LocalDate BIRTH = LocalDate.of(1984, 2, 17);

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private Http operator() {
        return RegistryFixture.browser(port, accounts, "form-op", Role.VILLAGE_OPERATOR, HERE);
    }

    private Http dpmd() {
        return RegistryFixture.browser(port, accounts, "form-dpmd", Role.DPMD, "63.04");
    }

    private static Map<String, String> form(Http session, String nik, String sex, String category) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Http.csrfOf(session.get("/pekerja/baru").body()));
        form.put("nik", nik);
        form.put("name", "Rahmat Hidayat");
        form.put("sex", sex);
        form.put("birthDate", BIRTH.toString());
        form.put("category", category);
        form.put("programs", "JKK,JKM");
        form.put("startDate", "2025-03-01");
        return form;
    }

    private Worker registered(String village, WorkerCategory category) {
        String nik = Niks.unique("63.04.01", "L", BIRTH);
        return CurrentActor.runAs(ADMIN, () -> workers.register(new Workers.Registration(nik, "Rahmat Hidayat", "L", BIRTH, village,
                null, null, category, false, null, List.of(Programme.JKK, Programme.JKM), category.defaultSegment(),
                null, null, category.isVillageOfficial() ? "APBDES" : "SELF", START)));
    }

    private static long workerIdOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/pekerja/id/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void assertNotRegistered(String nik) {
        assertThat(jdbc.sql("select count(*) from worker where nik = ?").param(nik).query(Long.class).single()).isZero();
    }

    private long requestEvents(Worker w) {
        return jdbc.sql("select count(*) from audit_event where action = 'TRANSFER_REQUESTED' and entity_id = ?")
                .param(w.id() + ":" + HERE).query(Long.class).single();
    }

    @Test
    void anOperatorRegistersAnOfficialWithTheDefaultsOfTheCategoryAndLandsOnTheWorkerPage() {
        Http op = operator();
        String page = op.get("/pekerja/baru").body();
        assertThat(page).contains("Kuala Lupak (" + HERE + ")").contains("name=\"programs\"").contains("hx-post=\"/pekerja/baru/nik\"");
        String nik = Niks.unique("63.04.01", "L", BIRTH);

        var response = op.postForm("/pekerja/baru", form(op, nik, "L", "PERANGKAT_DESA"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        long id = workerIdOf(response);
        assertThat(op.get("/pekerja/id/" + id).body()).contains("Pekerja terdaftar.").contains("Rahmat Hidayat");
        Worker w = workers.get(nik, ADMIN.scope());
        assertThat(w.id()).isEqualTo(id);
        assertThat(w.villageCode()).isEqualTo(HERE);
        assertThat(workers.terms(nik, ADMIN.scope())).hasSize(2).allSatisfy(t -> {
            assertThat(t.segment()).isEqualTo(Segment.PU);
            assertThat(t.wage()).isEqualByComparingTo(Rupiah.of(2_022_200));
            assertThat(t.riskGroup()).isEqualTo(RiskGroup.VERY_LOW);
            assertThat(t.workerPayerCode()).isEqualTo("APBDES:" + HERE);
            assertThat(t.validFrom()).isEqualTo(LocalDate.of(2025, 3, 1));
        });
    }

    @Test
    void theNikFieldTellsWhatTheNikSaysOrWhyItIsWrong() {
        Http op = operator();
        String nik = Niks.unique("63.04.01", "P", BIRTH);
        assertThat(op.get("/pekerja/baru/nik?nik=" + nik).body()).contains("Tabunganen (63.04.01)").contains("Perempuan")
                .contains("17 Feb 1984");   // issue 11 item 7: dates as "1 Des 2026", no longer ISO
        assertThat(op.get("/pekerja/baru/nik?nik=63040117028").body()).contains("NIK harus tepat 16 angka.");
    }

    @Test
    void aRefusedNikShowsEachOfItsProblemsOnce() {
        Http op = operator();
        // digits 1-6 name no district, digits 7-12 no date: the live check and the refused form both found them
        Map<String, String> form = form(op, "9999993302840001", "L", "PETANI");
        String body = op.postForm("/pekerja/baru", form).body();
        for (String problem : new String[] {"Angka 1-6 NIK (99.99.99) bukan kode kecamatan yang dikenal.",
                "Angka 7-12 NIK (330284) bukan tanggal lahir DDMMYY"}) {
            assertThat(body.split(java.util.regex.Pattern.quote(problem), -1)).as(problem).hasSize(2);
        }
        // the live check alone, as the field asks for it while typing, still says them, with the digits at fault as the
        // refused form does (it said only "Enam angka pertama NIK bukan kode kecamatan yang dikenal.")
        String live = op.postForm("/pekerja/baru/nik", Map.of("nik", "9999993302840001", "_csrf", form.get("_csrf"))).body();
        assertThat(live).contains("Angka 1-6 NIK (99.99.99) bukan kode kecamatan yang dikenal.")
                .contains("Angka 7-12 NIK (330284) bukan tanggal lahir DDMMYY (hari 01-31, atau 41-71 untuk perempuan; bulan 01-12).");
    }

    /** The worker list's refused filter names the value and the form it takes: it said only "Bukan kode wilayah, ...". */
    @Test
    void theWorkerListsRefusedRegionNamesTheRegionCodesForm() {
        String page = operator().get("/pekerja?region=64.02.x").body();
        assertThat(page).contains("64.02.x&#39; bukan kode wilayah; tulis seperti 64.02 atau 64.02.03.");
    }

    @Test
    void aRefusedFormKeepsTheInputShowsEachProblemNextToItsFieldAndSavesNothing() {
        Http op = operator();
        String nik = Niks.unique("63.04.01", "P", BIRTH);
        Map<String, String> form = form(op, nik, "L", "PETANI");
        form.put("name", "Siti Formulir Ditolak");
        form.put("wage", "-5");

        var response = op.postForm("/pekerja/baru", form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("value=\"Siti Formulir Ditolak\"").contains("value=\"" + nik + "\"").contains("value=\"-5\"")
                .contains("<span class=\"field-error\"")
                .contains("Jenis kelamin tidak sesuai dengan NIK").contains("Upah atau penghasilan harus lebih dari nol.");
        assertNotRegistered(nik);
    }

    @Test
    void theWageIsTypedAsOnAReceiptAndAnUnreadableOneIsAProblemOfTheWageField() {
        Http op = operator();
        String nik = Niks.unique("63.04.01", "L", BIRTH);
        Map<String, String> form = form(op, nik, "L", "PETANI");
        Map<String, String> problemOf = Map.of("1.50.000", "Isi upah dalam rupiah, misalnya 2.022.200",
                "1.500.000,505", "Upah paling banyak dua angka desimal.");
        problemOf.forEach((typed, problem) -> {
            form.put("wage", typed);
            var refused = op.postForm("/pekerja/baru", form);
            assertThat(refused.statusCode()).as(typed).isEqualTo(200);
            assertThat(refused.body()).as(typed).contains("value=\"" + typed + "\"", "<span class=\"field-error\"", problem);
        });
        assertNotRegistered(nik);

        form.put("wage", "Rp 1.500.000");
        var registered = op.postForm("/pekerja/baru", form);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(workers.terms(nik, ADMIN.scope())).isNotEmpty()
                .allSatisfy(t -> assertThat(t.wage()).isEqualByComparingTo(Rupiah.of(1_500_000)));
    }

    @Test
    void aDistrictOfficeNamesAVillageOfItsAreaAndOneOutsideItIsAProblemOfTheField() {
        Http dpmd = dpmd();
        String nik = Niks.unique("63.04.01", "L", BIRTH);
        Map<String, String> form = form(dpmd, nik, "L", "PETANI");
        form.put("villageCode", "64.02.03.2001");

        var response = dpmd.postForm("/pekerja/baru", form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Isi kode desa atau kelurahan dalam wilayah Anda.").contains("value=\"64.02.03.2001\"");
        assertNotRegistered(nik);
    }

    @Test
    void aNikAlreadyRegisteredInTheSameVillageLinksToThatWorker() {
        Worker existing = registered(HERE, Categories.of("PETANI"));
        Http op = operator();

        var response = op.postForm("/pekerja/baru", form(op, existing.nik(), "L", "PETANI"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("sudah terdaftar di desa ini sebagai Petani")
                .contains("href=\"/pekerja/id/" + existing.id() + "\"").doesNotContain("Pindahkan ke desa ini");
    }

    @Test
    void aDistrictOfficeSeesWhereANikOfItsAreaIsRegisteredAndMovesTheWorkerInsteadOfRegisteringAgain() {
        Worker existing = registered(FAR, Categories.of("NELAYAN"));
        Http dpmd = dpmd();
        Map<String, String> form = form(dpmd, existing.nik(), "L", "NELAYAN");
        form.put("villageCode", HERE);

        var offer = dpmd.postForm("/pekerja/baru", form);

        assertThat(offer.body()).contains("sudah terdaftar di Purwosari II (" + FAR + ") sebagai Nelayan").contains("Pindahkan ke desa ini");
        var moved = dpmd.postForm("/pekerja/pindah", Map.of("_csrf", Http.csrfOf(offer.body()), "nik", existing.nik(),
                "villageCode", HERE, "effectiveOn", "2025-06-01", "payerKind", "", "payerName", ""));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
        assertThat(workerIdOf(moved)).isEqualTo(existing.id());
        assertThat(workers.get(existing.nik(), ADMIN.scope()).villageCode()).isEqualTo(HERE);
        assertThat(jdbc.sql("select count(*) from worker where nik = ?").param(existing.nik()).query(Long.class).single()).isOne();
    }

    @Test
    void aVillageOperatorLearnsOnlyThatTheNikIsElsewhereAndItsTransferRequestWaitsForTheDistrictOffice() {
        Worker existing = registered(FAR, Categories.of("PETANI"));
        Http op = operator();

        var offer = op.postForm("/pekerja/baru", form(op, existing.nik(), "L", "PETANI"));

        assertThat(offer.body()).contains("NIK sudah terdaftar di wilayah lain.").contains("Ajukan permintaan pindah")
                .doesNotContain("Purwosari").doesNotContain(FAR).doesNotContain("/pekerja/id/" + existing.id());
        Map<String, String> ask = Map.of("_csrf", Http.csrfOf(offer.body()), "nik", existing.nik(), "villageCode", HERE);
        var asked = op.postForm("/pekerja/permintaan-pindah", ask);
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(op.get("/pekerja/baru").body()).contains("Permintaan pindah tercatat.");
        assertThat(requestEvents(existing)).as("one event in each village's trail").isEqualTo(2);
        assertThat(jdbc.sql("select after_state ->> 'nik' from audit_event where action = 'TRANSFER_REQUESTED' and entity_id = ? limit 1")
                .param(existing.id() + ":" + HERE).query(String.class).single()).isEqualTo(NikCheck.mask(existing.nik()));
        op.postForm("/pekerja/permintaan-pindah", ask);
        assertThat(requestEvents(existing)).as("asking again while open records nothing").isEqualTo(2);
        assertThat(workers.get(existing.nik(), ADMIN.scope()).villageCode()).isEqualTo(FAR);

        Http dpmd = dpmd();
        assertThat(dpmd.get("/pekerja/permintaan-pindah").body()).contains("href=\"/pekerja/id/" + existing.id() + "\"");
        String page = dpmd.get("/pekerja/id/" + existing.id()).body();
        assertThat(page).contains("Kuala Lupak (" + HERE + ") meminta pekerja ini pindah").contains("form-op");
        var moved = dpmd.postForm("/pekerja/id/" + existing.id() + "/pindah", Map.of("_csrf", Http.csrfOf(page),
                "villageCode", HERE, "effectiveOn", "2025-06-01"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
        assertThat(workers.get(existing.nik(), ADMIN.scope()).villageCode()).isEqualTo(HERE);
        assertThat(dpmd.get("/pekerja/permintaan-pindah").body()).doesNotContain("href=\"/pekerja/id/" + existing.id() + "\"");
    }

    @Test
    void aDistrictOfficeMayDeclineATransferRequest() {
        Worker existing = registered(FAR, Categories.of("OJEK"));
        Http op = operator();
        op.postForm("/pekerja/permintaan-pindah", Map.of("_csrf", Http.csrfOf(op.get("/pekerja/baru").body()),
                "nik", existing.nik(), "villageCode", HERE));
        Http dpmd = dpmd();
        String page = dpmd.get("/pekerja/id/" + existing.id()).body();

        var declined = dpmd.postForm("/pekerja/id/" + existing.id() + "/pindah/tolak", Map.of("_csrf", Http.csrfOf(page), "villageCode", HERE));

        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(dpmd.get("/pekerja/id/" + existing.id()).body()).contains("Permintaan pindah ditolak.").doesNotContain("meminta pekerja ini");
        assertThat(workers.get(existing.nik(), ADMIN.scope()).villageCode()).isEqualTo(FAR);
    }

    @Test
    void aMembershipChangeFromTheWorkerPageIsANewDatedVersionAndEndingOneNeedsAReason() {
        Worker w = registered(HERE, Categories.of("PERANGKAT_DESA"));
        Http op = operator();
        String page = op.get("/pekerja/id/" + w.id()).body();
        assertThat(page).contains("id=\"change-terms\"").contains("id=\"end-term\"");
        String csrf = Http.csrfOf(page);

        var changed = op.postForm("/pekerja/id/" + w.id() + "/kepesertaan", Map.of("_csrf", csrf, "program", "JKK", "segment", "PU",
                "wage", "2500000", "riskGroup", "LOW", "payerKind", "APBDES", "payerName", "", "validFrom", "2025-07-01"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(op.get("/pekerja/id/" + w.id()).body()).contains("Kepesertaan tersimpan sebagai versi baru.");
        assertThat(workers.terms(w.nik(), ADMIN.scope())).filteredOn(t -> t.program() == Programme.JKK)
                .extracting(MembershipTerm::wage, MembershipTerm::validFrom, MembershipTerm::validTo, MembershipTerm::endReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rupiah.of(2_500_000), LocalDate.of(2025, 7, 1), null, null),
                        org.assertj.core.groups.Tuple.tuple(Rupiah.of(2_022_200), START, LocalDate.of(2025, 7, 1), EndReason.CHANGED));

        var tooEarly = op.postForm("/pekerja/id/" + w.id() + "/kepesertaan", Map.of("_csrf", csrf, "program", "JKK", "segment", "PU",
                "wage", "2600000", "riskGroup", "LOW", "payerKind", "APBDES", "payerName", "", "validFrom", "2025-05-01"));
        assertThat(tooEarly.statusCode()).isEqualTo(200);
        assertThat(tooEarly.body()).contains("<span class=\"field-error\"").contains("Versi baru harus mulai sesudah").contains("value=\"2600000\"");

        var noReason = op.postForm("/pekerja/id/" + w.id() + "/kepesertaan/akhiri", Map.of("_csrf", csrf, "program", "JKM",
                "reason", "", "endDate", "2025-08-01"));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("Mengakhiri kepesertaan memerlukan alasan: DECEASED, RESIGNED");
        var ended = op.postForm("/pekerja/id/" + w.id() + "/kepesertaan/akhiri", Map.of("_csrf", csrf, "program", "JKM",
                "reason", "RESIGNED", "endDate", "2025-08-01"));
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(workers.terms(w.nik(), ADMIN.scope())).filteredOn(t -> t.program() == Programme.JKM).singleElement().satisfies(t -> {
            assertThat(t.validTo()).isEqualTo(LocalDate.of(2025, 8, 1));
            assertThat(t.endReason()).isEqualTo(EndReason.RESIGNED);
        });
    }

    @Test
    void theRiskListOfABpuMembershipOffersNoWageEarnerDefaultForBpuPaysJkkOnDeclaredIncome() {
        Worker w = registered(HERE, Categories.of("PETANI"));
        Http op = operator();
        String form = op.get("/pekerja/id/" + w.id()).body().split("id=\"change-terms\"")[1].split("</form>")[0];
        assertThat(form).contains("<option value=\"\">Tidak berlaku untuk BPU (JKK 1% dari penghasilan)</option>")
                .doesNotContain("Sangat rendah untuk PU");
        assertThat(op.get("/pekerja/id/" + w.id() + "?lang=en").body()).contains("Not used for BPU (JKK is 1% of declared income)")
                .doesNotContain("Very low for PU");
        Worker official = registered(HERE, Categories.of("PERANGKAT_DESA"));
        assertThat(op.get("/pekerja/id/" + official.id() + "?lang=id").body()).as("a PU membership keeps its default")
                .contains("Sangat rendah untuk PU (bawaan)").doesNotContain("Tidak berlaku untuk BPU");
    }

    @Test
    void readOnlyRolesSeeNoFormsAndArePostedAway() {
        Worker w = registered(HERE, Categories.of("KADER"));
        Http monitor = RegistryFixture.browser(port, accounts, "form-monitor", Role.MONITOR, "63.04");
        String page = monitor.get("/pekerja/id/" + w.id()).body();
        assertThat(page).contains("Rahmat Hidayat").doesNotContain("id=\"change-terms\"").doesNotContain("id=\"end-term\"")
                .doesNotContain("href=\"/pekerja/baru\"");
        assertThat(monitor.get("/pekerja/baru").statusCode()).isEqualTo(403);
        assertThat(monitor.get("/pekerja/baru/nik?nik=" + w.nik()).statusCode()).isEqualTo(403);
        String csrf = Http.csrfOf(page);
        String nik = Niks.unique("63.04.01", "L", BIRTH);
        Map<String, String> registration = new HashMap<>(Map.of("_csrf", csrf, "nik", nik, "name", "Rahmat Hidayat", "sex", "L",
                "birthDate", BIRTH.toString(), "villageCode", HERE, "category", "PETANI"));
        assertThat(monitor.postForm("/pekerja/baru", registration).statusCode()).isEqualTo(403);
        assertThat(monitor.postForm("/pekerja/id/" + w.id() + "/kepesertaan", Map.of("_csrf", csrf, "program", "JKK", "segment", "PU",
                "wage", "2500000", "payerKind", "APBDES", "validFrom", "2025-07-01")).statusCode()).isEqualTo(403);
        assertThat(monitor.postForm("/pekerja/id/" + w.id() + "/kepesertaan/akhiri", Map.of("_csrf", csrf, "program", "JKM",
                "reason", "RESIGNED", "endDate", "2025-08-01")).statusCode()).isEqualTo(403);
        assertThat(monitor.postForm("/pekerja/pindah", Map.of("_csrf", csrf, "nik", w.nik(), "villageCode", FAR)).statusCode()).isEqualTo(403);
        assertNotRegistered(nik);
        assertThat(workers.terms(w.nik(), ADMIN.scope())).hasSize(2).allMatch(MembershipTerm::isOpen);
        assertThat(workers.get(w.nik(), ADMIN.scope()).villageCode()).isEqualTo(HERE);
    }

    /** What a reader sees of a page: its text without tags, attributes (form values stay ISO for the browser) or scripts. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    @Test
    void theWorkerPageWritesEveryDateTheIndonesianWayAndAMaskedReaderStillSeesOnlyTheYear() {
        Worker w = registered(HERE, Categories.of("KADER"));
        Http op = operator();
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])");
        String page = visibleText(op.get("/pekerja/id/" + w.id()).body());
        String card = visibleText(op.get("/perlindungan/pekerja/" + w.id()).body());
        String list = visibleText(op.get("/desa/" + HERE + "/pekerja").body());

        assertThat(page).contains("17 Feb 1984").contains("Rahmat Hidayat");
        assertThat(list).contains("17 Feb 1984");
        assertThat(iso.matcher(page).results().map(java.util.regex.MatchResult::group).toList()).as("ISO dates on the worker page").isEmpty();
        assertThat(iso.matcher(card).results().map(java.util.regex.MatchResult::group).toList()).as("ISO dates on the protection card").isEmpty();
        assertThat(iso.matcher(list).results().map(java.util.regex.MatchResult::group).toList()).as("ISO dates on the worker list").isEmpty();

        Http monitor = RegistryFixture.browser(port, accounts, "dates-monitor", Role.MONITOR, "63.04");
        String masked = visibleText(monitor.get("/pekerja/id/" + w.id()).body()) + visibleText(monitor.get("/desa/" + HERE + "/pekerja").body());
        assertThat(masked).contains("1984").doesNotContain("17 Feb 1984").doesNotContain("1984-02-17");

        // the sex in the page's language (review of 6 December 2026: "L" on an English page)
        assertThat(page).contains("Laki-laki");
        assertThat(visibleText(op.get("/pekerja/id/" + w.id() + "?lang=en").body())).contains("Male").doesNotContain("Laki-laki");
        assertThat(op.get("/desa/" + HERE + "/pekerja?lang=en").body()).contains(">M</td>").doesNotContain(">L</td>");
    }
}
