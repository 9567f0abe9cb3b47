package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.shared.ProtectionStatus;
import id.lindung.registry.EndReason;
import id.lindung.registry.LikelyDuplicate;
import id.lindung.registry.WorkerStatus;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page, signed in as each role, in Indonesian ({@code ?lang=id}) and in English ({@code ?lang=en}): no
 * page shows a raw enum name (VERY_LOW, DECEASED, ORIGINAL), a message key the bundles lack ({@code ??key_en??}),
 * a citation of research notes that are not in the repository (RULES.md), or English server text on an Indonesian
 * page. A page a role may not open answers 403 or 404 with a page in the same language, never a 500.
 */
@IntegrationTest
class EveryPageSpeaksItsLanguageIntegrationTests {

    private static final String VILLAGE = "64.02.03.2007";

    /** ALL_CAPS_WITH_UNDERSCORES: a constant's name, never a word of either language. */
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    /** Thymeleaf's mark for a key no bundle has: ??worker.segment_en??. */
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");
    /**
     * Server sentences that must come from the bundles on an Indonesian page, and the regulation data's English
     * (descriptions, notes: the Indonesian page shows description_id and note_id).
     */
    private static final Pattern ENGLISH_SERVER_TEXT = Pattern.compile(
            "NIK encodes|by import batch|is not a valid|must be|RULES\\.md|is not a date|is not a number|unknown payer|: required|as amended by"
            + "|\\bUNVERIFIED\\b|cited sources|Lindung's reading|\\bsettled\\b|\\binstalments?\\b|\\bcontribution\\b");

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired id.lindung.billing.BillingJobs jobs;

    @Test
    void everyPageInBothLanguagesShowsNoRawCodeNoMissingKeyAndNoEnglishOnIndonesianPages() throws Exception {
        Map<String, String> data = someOfEverything();
        Map<String, String> jobs = backgroundJobsAndAPlan();
        Map<Role, String> scopes = new LinkedHashMap<>();
        scopes.put(Role.ADMIN, "ID");
        scopes.put(Role.MONITOR, "64");
        scopes.put(Role.DPMD, "64.02");
        scopes.put(Role.VILLAGE_OPERATOR, VILLAGE);
        scopes.put(Role.BPJS_OFFICER, "64.02");
        scopes.put(Role.AUDITOR, "ID");

        List<String> pages = List.of("/", "/wilayah", "/wilayah/64", "/wilayah/64.02", "/wilayah/" + VILLAGE, "/wilayah/cari?q=loa",
                "/wilayah/tenaga-kerja/impor", "/pekerja", "/pekerja?status=DECEASED", "/desa/" + VILLAGE + "/pekerja",
                "/pekerja/id/" + data.get("self"), "/pekerja/id/" + data.get("official"), "/pekerja/id/" + data.get("deceased"),
                "/perlindungan/pekerja/" + data.get("self"), "/pekerja/baru", "/pekerja/permintaan-pindah", "/pembayar",
                "/pembayar/APBDES:" + VILLAGE, "/pembayar/baru", "/impor/pekerja", "/impor/pekerja/" + data.get("batch"),
                "/tagihan", "/tagihan/" + data.get("bill"), "/pembayaran", "/audit", "/simulasi", "/regulasi", "/regulasi/sumber",
                "/public/cek-perlindungan", "/pekerja/id/999999999",
                // i14-dashboard: the coverage dashboard at two levels, its trend fragment, the regulations and the report
                "/cakupan", "/cakupan?region=64.02.03", "/cakupan/tren?region=" + VILLAGE, "/cakupan/regulasi",
                "/cakupan/regulasi/baru", "/cakupan/monev",
                "/anggaran", "/anggaran/wilayah/64.02",
                // i15-pages: the editor (new, a draft), the prioritisation (a read-only role runs it by GET), scenarios, what-if
                "/anggaran/" + data.get("plan"), "/anggaran/baru?payer=APBDES:" + VILLAGE, "/anggaran/" + data.get("plan") + "/ubah",
                "/anggaran/" + data.get("plan") + "/prioritas", "/anggaran/" + data.get("plan") + "/prioritas?budget=5000000",
                "/anggaran/bandingkan?ids=" + data.get("plan") + "&ids=" + data.get("otherPlan"), "/anggaran/simulasi-kebijakan",
                "/anggaran/simulasi-kebijakan?year=" + TestClock.nextBusinessYear() + "&officials=on&vulnerablePerDesa=5",

                // i13-claim-pages: the claim pages, a death case with its heirs and scholarship and a case stored as rejected
                "/klaim", "/klaim?status=REJECTED", "/klaim?overdue=true", "/klaim/baru", "/klaim/baru?pekerja=" + data.get("claimant"),
                "/klaim/" + data.get("deathClaim"), "/klaim/" + data.get("rejectedClaim"),
                // the claimant's page: the death the claim recorded read "Klaim JKM_DEATH nomor 31" in both languages
                "/pekerja/p/" + data.get("claimant"),
                // i11-ui: a village's plan, and the pages of a billing run and of a payment file with rejected rows
                "/anggaran/" + jobs.get("plan"), "/proses/" + jobs.get("run"), "/proses/" + jobs.get("payments"));

        List<String> faults = new ArrayList<>();
        int rendered = 0;
        for (var role : scopes.entrySet()) {
            String username = "lang-" + role.getKey().name().toLowerCase().replace('_', '-');
            TestUsers.token(accounts, username, role.getKey(), role.getValue());
            Http browser = Http.browser(port);
            assertThat(browser.login(username, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
            for (String page : pages) {
                for (String language : List.of("id", "en")) {
                    String url = page + (page.contains("?") ? "&" : "?") + "lang=" + language;
                    HttpResponse<String> response = browser.get(url, "text/html");
                    String where = role.getKey() + " " + url + " (" + response.statusCode() + ")";
                    if (!Set.of(200, 403, 404).contains(response.statusCode())) {
                        faults.add(where + ": status");
                        continue;
                    }
                    if (!String.valueOf(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html")) {
                        faults.add(where + ": answered " + response.headers().firstValue("Content-Type").orElse("?") + ", not a page");
                        continue;
                    }
                    check(where, language, page, visibleText(response.body()), faults);
                    rendered++;
                }
            }
        }
        Http anonymous = Http.browser(port);
        for (String page : List.of("/login", "/public/cek-perlindungan")) {
            for (String language : List.of("id", "en")) {
                var response = anonymous.get(page + "?lang=" + language);
                check("anonymous " + page + " " + language, language, page, visibleText(response.body()), faults);
                rendered++;
            }
        }
        assertThat(rendered).as("pages rendered").isGreaterThan(300);
        assertThat(faults).as("raw codes, missing keys or the wrong language on pages").isEmpty();
    }

    /** A self-paying farmer with a bill and a payment, a village official (PU, very low risk), a deceased worker, an import with a rejected row. */
    private Map<String, String> someOfEverything() {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "lang-setup", Role.ADMIN, "ID"));
        String self = Niks.unique("64.02.03", "L", LocalDate.of(1980, 5, 1));
        created(admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Petani Dua Bahasa","sex":"L","birthDate":"1980-05-01","villageCode":"%s","category":"PETANI",
                 "programs":["JKK","JKM"],"segment":"BPU","wage":1000000,"payer":"SELF:%s","startDate":"2026-01-01"}"""
                .formatted(self, VILLAGE, self)));
        String official = Niks.unique("64.02.03", "P", LocalDate.of(1985, 3, 2));
        created(admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Perangkat Dua Bahasa","sex":"P","birthDate":"1985-03-02","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW","payer":"APBDES","startDate":"2026-01-01"}"""
                .formatted(official, VILLAGE)));
        String deceased = Niks.unique("64.02.03", "L", LocalDate.of(1960, 1, 9));
        created(admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Almarhum Dua Bahasa","sex":"L","birthDate":"1960-01-09","villageCode":"%s","category":"NELAYAN",
                 "programs":["JKK","JKM"],"segment":"BPU","wage":1000000,"payer":"SELF:%s","startDate":"2026-01-01"}"""
                .formatted(deceased, VILLAGE, deceased)));
        var died = admin.postJson("/api/v1/workers/" + deceased + "/status",
                "{\"status\":\"DECEASED\",\"reason\":\"meninggal dunia\",\"effectiveOn\":\"2026-01-20\"}");
        assertThat(died.statusCode()).as(died.body()).isBetween(200, 204);
        assertThat(admin.postJson("/api/v1/billing/runs", "{\"month\":\"2026-01\",\"backfill\":true}").statusCode()).isEqualTo(200);
        var bills = admin.get("/api/v1/bills?payer=SELF:" + self).body();
        String bill = bills.replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1");
        created(admin.postJson("/api/v1/payments", "{\"payer\":\"SELF:" + self + "\",\"reference\":\"DUA-BAHASA-" + self
                + "\",\"date\":\"2026-01-10\",\"amount\":10000}"));
        // an import: one good row, one whose NIK encodes another birth date than the row gives
        String good = Niks.unique("64.02.03", "L", LocalDate.of(1990, 7, 7));
        String wrong = Niks.unique("64.02.03", "L", LocalDate.of(1991, 8, 8));
        String csv = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n"
                + good + ",Impor Baik,L,1990-07-07," + VILLAGE + ",PETANI,BPU,1000000,,JKK;JKM,SELF,2026-01-01\n"
                + wrong + ",Impor Salah,L,1970-01-01," + VILLAGE + ",PETANI,BPU,1000000,,JKK;JKM,SELF,2026-01-01\n";
        var batch = admin.upload("/api/v1/imports", "file", "dua-bahasa.csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(batch.statusCode()).as(batch.body()).isIn(200, 201, 202);
        String batchId = batch.body().replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1");
        // i13-claim-pages: a village official's JKM death (two children, a spouse and a parent), and an accident before the
        // farmer's membership stored as rejected with its code
        String claimant = Niks.unique("64.02.03", "L", LocalDate.of(1977, 9, 9));
        var registered = admin.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Perangkat Klaim Dua Bahasa","sex":"L","birthDate":"1977-09-09","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW","payer":"APBDES","startDate":"2020-01-01"}"""
                .formatted(claimant, VILLAGE));
        created(registered);
        String deathDate = TestClock.businessToday().minusDays(9).toString();
        var death = admin.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"%s","reportedOn":"%s","submitIfIneligible":false,
                 "children":[{"name":"Anak Satu","birthDate":"2015-03-01","schoolLevel":"SD"},{"name":"Anak Dua","birthDate":"2011-03-01","schoolLevel":"SMP"}],
                 "heirs":[{"name":"Istri Dua Bahasa","nik":"%s","relationship":"SPOUSE","bankAccount":"BRI 1234 5678"},
                          {"name":"Ayah Dua Bahasa","nik":"%s","relationship":"PARENT"}]}"""
                .formatted(claimant, deathDate, deathDate, Niks.unique("64.02.03", "P", LocalDate.of(1981, 4, 4)),
                        Niks.unique("64.02.03", "L", LocalDate.of(1950, 4, 4))));
        created(death);
        var rejected = admin.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_TEMPORARY_DISABILITY","incidentDate":"2025-06-01","reportedOn":"2025-06-03","months":1,
                 "submitIfIneligible":true}""".formatted(self));
        created(rejected);
        // i15-pages: two scenarios of the village's budget for next year
        String[] plans = new String[2];
        for (int i = 0; i < 2; i++) {
            var plan = admin.postJson("/api/v1/budget-plans", """
                    {"payer":"APBDES:%s","year":%d,"name":"Skenario %d",
                     "cohorts":[{"category":"RT_RW","segment":"BPU","count":%d,"wage":1000000,"programs":["JKK","JKM"]}]}"""
                    .formatted(VILLAGE, TestClock.nextBusinessYear(), i + 1, 10 + i * 10));
            created(plan);
            plans[i] = plan.body().replaceAll("(?s)^.*?\"id\":(\\d+).*$", "$1");
        }
        Map<String, String> more = new LinkedHashMap<>();
        more.put("plan", plans[0]);
        more.put("otherPlan", plans[1]);
        return withMore(more, Map.of("self", idOf(self), "official", idOf(official), "deceased", idOf(deceased), "bill", bill, "batch", batchId,
                "claimant", registered.body().replaceAll("(?s)^.*\"id\":\"([0-9a-f-]+)\".*$", "$1"),
                "deathClaim", death.body().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"),
                "rejectedClaim", rejected.body().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1")));
    }

    private static Map<String, String> withMore(Map<String, String> more, Map<String, String> data) {
        more.putAll(data);
        return more;
    }

    /**
     * i11-ui: next year's plan of the village, and a billing run and a payment file run in the background as the pages
     * start them, each row of the file rejected for another reason.
     */
    private Map<String, String> backgroundJobsAndAPlan() throws Exception {
        Http admin = Http.withToken(port, TestUsers.token(accounts, "lang-setup", Role.ADMIN, "ID"));
        int next = TestClock.nextBusinessYear();
        var plan = admin.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"RT_RW","segment":"BPU","count":24,"wage":1000000,
                 "programs":["JKK","JKM"],"monthFrom":"%d-01"}]}""".formatted(VILLAGE, next, next));
        created(plan);
        var setup = TestUsers.actor("lang-setup", Role.ADMIN, "ID");
        long run = jobs.startRun(java.time.YearMonth.of(2026, 1), true, setup);
        String payer = "APBDES:" + VILLAGE;
        String file = "payer,reference,date,amount\n"
                + payer + ",DUA-BAHASA-TGL,31/31/2026,10000\n"
                + payer + ",DUA-BAHASA-JML,2026-01-10,sepuluh ribu\n"
                + "SELF:0000000000000000,DUA-BAHASA-PEMBAYAR,2026-01-10,10000\n"
                + payer + ",,2026-01-10,10000\n"
                + payer + ",DUA-BAHASA-NOL,2026-01-10,-5\n";
        long payments = jobs.startPaymentImport("dua-bahasa.csv", new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                true, setup);
        id.lindung.support.BackgroundJobs.finished(jobs, run, setup);
        id.lindung.support.BackgroundJobs.finished(jobs, payments, setup);
        return Map.of("plan", plan.body().replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"), "run", String.valueOf(run),
                "payments", String.valueOf(payments));
    }

    private String idOf(String nik) {
        return String.valueOf(jdbc.sql("select id from worker where nik = ?").param(nik).query(Long.class).single());
    }

    @Test
    void aRefusalIsSaidInThePagesLanguage() {
        // the payer list's refusal of SELF, a past billing month, a month too far and a second reversal were English on
        // Indonesian pages: their codes had no sentence in the bundles
        TestUsers.token(accounts, "lang-refusal", Role.DPMD, "64.02");
        Http browser = Http.browser(port);
        assertThat(browser.login("lang-refusal", TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        String id = browser.get("/pembayar?kind=SELF&lang=id", "text/html").body();
        assertThat(id).contains("Pembayar mandiri (SELF) tidak dicatat di daftar pembayar").doesNotContain("are not in the register");
        assertThat(browser.get("/pembayar?kind=SELF&lang=en", "text/html").body()).contains("Self-payers (SELF) are not in the payer register");
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private static void check(String where, String language, String page, String text, List<String> faults) {
        Set<String> found = new TreeSet<>();
        collect(CONSTANT, text, found);
        collect(MISSING_KEY, text, found);
        collect(RAW_NAMES, text, found);
        if (language.equals("id")) {
            collect(ENGLISH_SERVER_TEXT, text, found);
        } else if (!page.startsWith("/regulasi/sumber")) {
            // hard-coded Indonesian words that a template wrote without a message key
            collect(INDONESIAN_LABELS, text, found);
        }
        if (!found.isEmpty()) {
            faults.add(where + ": " + found);
        }
    }

    private static final Pattern INDONESIAN_LABELS = Pattern.compile("\\b(Segmen|Kode|Baris|Simpan|Kembali|Terjadi kesalahan|Sampai|Berlaku)\\b");

    /**
     * Single-word constant names a page could print raw, not followed by ':' (payer codes such as SELF:640... and
     * EMPLOYER:64.02:NAME are identifiers people copy, and stay as they are).
     */
    private static final Pattern RAW_NAMES;

    static {
        Set<String> names = new TreeSet<>();
        Stream.of(WorkerStatus.values(), EndReason.values(), ProtectionStatus.values(), LikelyDuplicate.Verdict.values(),
                        id.lindung.regulation.Unit.values(), id.lindung.claim.ClaimStatus.values(),
                        id.lindung.claim.ClaimCase.ScholarshipStatus.values(), id.lindung.claim.HeirRelationship.values())
                .flatMap(Arrays::stream).map(Enum::name).forEach(names::add);
        id.lindung.support.Categories.shipped().all().forEach(c -> names.add(c.code()));
        names.addAll(List.of("ORIGINAL", "ADJUSTMENT", "REVERSAL", "EMPLOYER", "WORKER", "REGISTERED", "DONOR",
                "PENDING", "VALIDATED", "IMPORTING", "IMPORTED", "FAILED", "CREATE", "UPDATE", "TRANSFER", "MONITOR", "AUDITOR", "ADMIN"));
        names.removeIf(n -> n.contains("_"));   // CONSTANT finds those
        // categories that are also the bodies' own acronyms (Badan Permusyawaratan Desa, Lembaga Kemasyarakatan Desa)
        names.removeAll(List.of("BPD", "LKD", "KPPS", "PPS", "PPK", "PKTD")); // and the election bodies, the cash-for-work programme
        // a self-payer's code as a role that sees masked NIKs is shown it: decided by the one masking rule (issue 11 item 5)
        names.remove("SELF");
        RAW_NAMES = Pattern.compile("\\b(" + String.join("|", names) + ")\\b(?!:)");
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group());
        }
    }

    private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile("\\s(?:placeholder|aria-label|alt)=\"([^\"]*)\"");

    /**
     * The text a person reads: the title, the body without scripts and styles, and the attributes a browser shows
     * (placeholders, labels for screen readers). Code examples ({@code <code>}, {@code <pre>}: file formats, payer
     * codes) are written in the codes people type, and are left out.
     */
    static String visibleText(String html) {
        String title = html.replaceAll("(?is)^.*?<title>(.*?)</title>.*$", "$1");
        String body = html.replaceAll("(?is)<head\\b.*?</head>", " ")
                .replaceAll("(?is)<(script|style|pre|code)\\b.*?</\\1>", " ");
        StringBuilder shown = new StringBuilder(title.length() < html.length() ? title : "").append(' ');
        Matcher attributes = SHOWN_ATTRIBUTE.matcher(body);
        while (attributes.find()) {
            shown.append(attributes.group(1)).append(' ');
        }
        shown.append(body.replaceAll("(?s)<[^>]*>", " "));
        return org.springframework.web.util.HtmlUtils.htmlUnescape(shown.toString()).replaceAll("\\s+", " ");
    }
}
