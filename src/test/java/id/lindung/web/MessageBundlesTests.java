package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.benefit.BenefitCase;
import id.lindung.shared.ProtectionStatus;
import id.lindung.region.RegionKind;
import id.lindung.region.RegionLevel;
import id.lindung.registry.EndReason;
import id.lindung.registry.LikelyDuplicate;
import id.lindung.registry.PayerKind;
import id.lindung.registry.WorkerStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Indonesian and English message files have the same keys, and no template asks for a key that is in
 * neither, so no page shows a raw {@code ??key??}. The bundles are the ones spring.messages.basename names.
 */
class MessageBundlesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** {@code #{key}} and {@code #{key(args)}}: a key written out in full. */
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)\\s*[}(]");
    /** {@code #messages.msg('key')} and {@code #messages.msg('key', args)}: a key written out in full. */
    private static final Pattern STATIC_MSG = Pattern.compile("#messages\\.msg\\('([A-Za-z][\\w.\\-]*)'\\s*[,)]");
    /** {@code #{'prefix.' + ${value}}} and {@code #messages.msg('prefix.' + value)}: a key built from a value. */
    private static final Pattern DYNAMIC_KEY = Pattern.compile("(?:#\\{|#messages\\.msg\\()'([A-Za-z][\\w.\\-]*\\.)'\\s*\\+");
    /** {@code #{${notice}}}: the whole key is a value the controller chose. */
    private static final Pattern VARIABLE_KEY = Pattern.compile("#\\{\\$\\{(\\w+)}}");

    /**
     * Every value a built key can end with. Enums are listed by their class, so a new constant without a
     * message fails here; strings that come from the database (bill line kinds and shares, import states)
     * or from the calculators (benefit components) are written out. {@code #messages.msgOrNull('problem.' + code)}
     * is not listed: those templates fall back to the problem's own message when a code has no text.
     */
    private static final Map<String, List<String>> BUILT_KEYS = new LinkedHashMap<>();
    private static final List<String> RISK_GROUPS = List.of("VERY_LOW", "LOW", "MEDIUM", "HIGH", "VERY_HIGH");

    static {
        BUILT_KEYS.put("level.", names(RegionLevel.values()));
        BUILT_KEYS.put("kind.", names(RegionKind.values()));
        BUILT_KEYS.put("role.", names(Role.values()));
        BUILT_KEYS.put("status.", names(WorkerStatus.values()));
        BUILT_KEYS.put("endReason.", names(EndReason.values()));
        BUILT_KEYS.put("duplicate.", names(LikelyDuplicate.Verdict.values()));
        BUILT_KEYS.put("payer.", names(PayerKind.values()));
        BUILT_KEYS.put("payer.saved.", List.of("created", "updated"));
        // programme, segment and risk group are written out: their enums are being merged into one vocabulary
        BUILT_KEYS.put("program.", List.of("JKK", "JKM", "JHT", "JP", "JKP"));
        BUILT_KEYS.put("risk.", RISK_GROUPS);
        BUILT_KEYS.put("segment.", List.of("PU", "BPU"));
        BUILT_KEYS.put("sex.", List.of("L", "P"));
        // the worker list shows its problems without a fallback: the codes Workers.list can raise
        BUILT_KEYS.put("problem.", List.of("NIK_SEARCH_NOT_ALLOWED"));
        BUILT_KEYS.put("import.state.", List.of("PENDING", "VALIDATED", "IMPORTING", "IMPORTED", "PARTIALLY_IMPORTED", "FAILED"));
        BUILT_KEYS.put("billing.kind.", List.of("ORIGINAL", "ADJUSTMENT", "REVERSAL"));
        BUILT_KEYS.put("billing.share.", List.of("EMPLOYER", "WORKER"));
        // the payment form's usual channels (PaymentPageController) and the import page's payer forms, one per payer kind
        BUILT_KEYS.put("billing.channel.option.", List.of("TELLER", "TRANSFER", "VA", "PPOB"));
        BUILT_KEYS.put("import.columns.payer.", names(PayerKind.values()));
        BUILT_KEYS.put("billing.status.", names(ProtectionStatus.values()));
        BUILT_KEYS.put("simulation.case.", names(BenefitCase.values()));
        BUILT_KEYS.put("simulation.risk.", RISK_GROUPS);
        BUILT_KEYS.put("regulation.unit.", names(id.lindung.regulation.Unit.values()));
        BUILT_KEYS.put("regulation.amount.", List.of("MONTHS", "YEARS", "COUNT", "DAY_OF_MONTH", "FACTOR"));
        BUILT_KEYS.put("simulation.component.", List.of("LUMP_SUM", "PERIODIC", "FUNERAL", "SCHOLARSHIP_MAX", "DEATH_COMPENSATION",
                "DISABILITY_COMPENSATION", "WAGE_REPLACEMENT", "MONTHLY_PENSION", "CONTRIBUTIONS", "RETURNS", "PARTIAL_PAYOUT"));
        BUILT_KEYS.put("simulation.reason.", names(id.lindung.benefit.JhtReason.values()));
        // claim/parts.html: where a JP lump sum's contributions come from (ClaimCase.jpContributionsBasis)
        BUILT_KEYS.put("claim.components.jpContributions.", List.of("LINDUNG", "FACTS"));
        // i12-rest: background jobs (billing run, payment file) and their phases
        BUILT_KEYS.put("job.title.", List.of("BILLING_RUN", "PAYMENT_IMPORT"));
        BUILT_KEYS.put("job.state.", List.of("RUNNING", "DONE", "FAILED", "INTERRUPTED"));
        BUILT_KEYS.put("job.phase.", List.of("waiting", "billing", "bills", "comparing", "settling", "checking", "recording", "matching"));
        // i14-dashboard: the register of regional regulations
        BUILT_KEYS.put("localRegulation.kind.", names(id.lindung.coverage.LocalRegulationKind.values()));
        BUILT_KEYS.put("localRegulation.budget.", List.of("APBD", "APBDES", "DONOR"));
        BUILT_KEYS.put("dashboard.level.", List.of("NATION", "PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"));
        BUILT_KEYS.put("dashboard.children.", List.of("NATION", "PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"));
        BUILT_KEYS.put("dashboard.segment.", List.of("PU", "BPU"));
        BUILT_KEYS.put("dashboard.payer.", List.of("APBDES", "APBD", "EMPLOYER", "SELF", "DONOR"));
        BUILT_KEYS.put("dashboard.potential.", List.of("OWN", "SUM_OF_CHILDREN", "MISSING", "PARTIAL"));
        BUILT_KEYS.put("budget.status.", List.of("DRAFT", "FINAL"));
        // i15-pages: the prioritisation's criteria and the what-if's tables
        BUILT_KEYS.put("budget.order.", names(id.lindung.budget.Prioritising.Criterion.values()));
        BUILT_KEYS.put("budget.whatif.table.", List.of("provinces", "regencies"));
        BUILT_KEYS.put("budget.candidates.", names(id.lindung.budget.Prioritisation.Candidates.values()));
        // i13-claim-pages: the claim pages' enums
        BUILT_KEYS.put("claim.status.", names(id.lindung.claim.ClaimStatus.values()));
        BUILT_KEYS.put("claim.type.", names(id.lindung.claim.ClaimType.values()));
        BUILT_KEYS.put("claim.heir.", names(id.lindung.claim.HeirRelationship.values()));
        BUILT_KEYS.put("claim.document.", names(id.lindung.claim.DocumentType.values()));
        BUILT_KEYS.put("claim.school.", names(id.lindung.claim.SchoolLevel.values()));
        BUILT_KEYS.put("claim.scholarshipStatus.", names(id.lindung.claim.ClaimCase.ScholarshipStatus.values()));
        BUILT_KEYS.put("claim.transport.", names(id.lindung.claim.ClaimRequests.TransportMode.values()));
    }

    /** Keys chosen whole by a controller ({@code #{${notice}}}), by the model attribute that carries them. */
    private static final Map<String, List<String>> VARIABLE_KEYS = Map.of("notice", List.of("import.alreadyConfirmed"),
            // budget/parts.html: the unverified-values notice of a plan or of a what-if's or prioritisation's result
            "titleKey", List.of("budget.unverified.title", "budget.unverified.resultTitle"),
            "noneKey", List.of("budget.unverified.none", "budget.unverified.resultNone"));

    @Test
    void indonesianAndEnglishHaveTheSameKeys() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String base : basenames()) {
            Set<String> indonesian = keys(base + ".properties");
            Set<String> english = keys(base + "_en.properties");
            missingIn(base + "_en.properties", indonesian, english, missing);
            missingIn(base + ".properties", english, indonesian, missing);
        }
        assertThat(missing).as("keys missing from a language").isEmpty();
    }

    /**
     * A key written twice in one file is silently the later sentence: on 7 December 2026 two helpers each added
     * {@code api.problem.REQUIRED.1.1}, and the claims' sentence replaced the coverage's for every month "is required".
     */
    @Test
    void everyKeyIsWrittenOnceInEachFile() throws IOException {
        List<String> twice = new ArrayList<>();
        for (String base : basenames()) {
            for (String resource : List.of(base + ".properties", base + "_en.properties")) {
                try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
                    assertThat(in).as(resource).isNotNull();
                    new Properties() {
                        @Override
                        public synchronized Object put(Object key, Object value) {
                            Object before = super.put(key, value);
                            if (before != null) {
                                twice.add(resource + ": " + key);
                            }
                            return before;
                        }
                    }.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(twice).as("keys written twice").isEmpty();
    }

    @Test
    void everyKeyATemplateAsksForExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String base : basenames()) {
            known.addAll(keys(base + ".properties"));
        }
        List<String> missing = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String html = Files.readString(template);
            String name = TEMPLATES.relativize(template).toString();
            Set<String> asked = new TreeSet<>();
            all(STATIC_KEY, html).forEach(asked::add);
            all(STATIC_MSG, html).forEach(asked::add);
            for (String prefix : all(DYNAMIC_KEY, html)) {
                List<String> values = BUILT_KEYS.get(prefix);
                if (values == null) {
                    missing.add(name + ": key built from '" + prefix + "' + a value; list its values in BUILT_KEYS");
                    continue;
                }
                values.forEach(v -> asked.add(prefix + v));
            }
            for (String attribute : all(VARIABLE_KEY, html)) {
                List<String> values = VARIABLE_KEYS.get(attribute);
                if (values == null) {
                    missing.add(name + ": key taken whole from ${" + attribute + "}; list its values in VARIABLE_KEYS");
                    continue;
                }
                asked.addAll(values);
            }
            asked.stream().filter(k -> !known.contains(k)).forEach(k -> missing.add(name + ": " + k));
        }
        assertThat(missing).as("keys the templates ask for that no message file has").isEmpty();
    }

    /**
     * Every eligibility decision a claim can carry is read in both languages: each named policy of claim.Eligibility
     * has its refusal ({@code claim.code.*}) and its passed check ({@code claim.check.*}); every other code a decision can
     * carry (the claim's own {@code fail("...")}, the benefit calculator's rejections, the regulation's refusals) has a
     * claim text or the simulation's ({@code simulation.rejection.*}), which the claim page and the case file fall back to.
     * Without one the page showed the calculator's English sentence on an Indonesian page.
     */
    @Test
    void everyEligibilityDecisionCodeHasATextInIndonesianAndEnglish() throws Exception {
        Properties indonesian = new Properties();
        Properties english = new Properties();
        for (String base : basenames()) {
            indonesian.putAll(load(base + ".properties"));
            english.putAll(load(base + "_en.properties"));
        }
        List<String> policies = new ArrayList<>();
        for (java.lang.reflect.Field f : Class.forName("id.lindung.claim.Eligibility").getDeclaredFields()) {
            int m = f.getModifiers();
            if (java.lang.reflect.Modifier.isStatic(m) && java.lang.reflect.Modifier.isFinal(m) && f.getType() == String.class) {
                f.setAccessible(true);
                policies.add((String) f.get(null));
            }
        }
        assertThat(policies).contains("INCIDENT_BEFORE_MEMBERSHIP", "REPORTED_LATE", "SCHOLARSHIP_CHILD_LIMIT");
        Set<String> others = new TreeSet<>();
        Pattern literal = Pattern.compile("(?:RejectedException|reject|Rejection|fail)\\(\\s*\"([A-Z][A-Z0-9_]+)\"");
        List<Path> sources = new ArrayList<>(List.of(Path.of("src/main/java/id/lindung/claim/OpeningClaims.java"),
                Path.of("src/main/java/id/lindung/claim/ClaimBenefit.java")));
        try (Stream<Path> benefit = Files.list(Path.of("src/main/java/id/lindung/benefit"))) {
            // the calculator's cases live in several classes of its package
            benefit.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path source : sources) {
            others.addAll(all(literal, Files.readString(source)));
        }
        others.add(id.lindung.regulation.NoRegulationInForceException.CODE);
        others.add(id.lindung.regulation.ProgrammeNotYetInForceException.CODE);
        assertThat(others).contains("NO_HEIR", "MEMBERSHIP_STARTS_AFTER_INCIDENT", "JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM");
        List<String> missing = new ArrayList<>();
        for (var bundle : Map.of("Indonesian", indonesian, "English", english).entrySet()) {
            for (String code : policies) {
                for (String key : List.of("claim.code." + code, "claim.check." + code)) {
                    if (blank(bundle.getValue().getProperty(key))) {
                        missing.add(bundle.getKey() + ": " + key);
                    }
                }
            }
            for (String code : others) {
                if (blank(bundle.getValue().getProperty("claim.code." + code))
                        && blank(bundle.getValue().getProperty("simulation.rejection." + code))) {
                    missing.add(bundle.getKey() + ": claim.code." + code + " or simulation.rejection." + code);
                }
            }
        }
        assertThat(missing).as("eligibility codes without a text").isEmpty();
    }

    /**
     * UI review of 6 December 2026: the English register said "1 regulations". A list's count is singular for one and
     * plural otherwise, with the number's grouping ("1,234 workers"); Indonesian has one form for both.
     */
    @Test
    void aListsCountInEnglishIsSingularForOneAndPluralOtherwise() throws IOException {
        Properties english = new Properties();
        for (String base : basenames()) {
            english.putAll(load(base + "_en.properties"));
        }
        Map<String, String> nouns = Map.of("workers.count", "worker", "payers.count", "payer", "billing.list.count", "bill",
                "claim.list.count", "claim", "localRegulation.count", "regulation", "audit.count", "event");
        for (var noun : nouns.entrySet()) {
            String pattern = english.getProperty(noun.getKey());
            assertThat(format(pattern, 1L)).as(noun.getKey()).isEqualTo("1 " + noun.getValue());
            assertThat(format(pattern, 0L)).as(noun.getKey()).isEqualTo("0 " + noun.getValue() + "s");
            assertThat(format(pattern, 2)).as(noun.getKey()).isEqualTo("2 " + noun.getValue() + "s");
            assertThat(format(pattern, 1234L)).as(noun.getKey()).isEqualTo("1,234 " + noun.getValue() + "s");
        }
        assertThat(format(english.getProperty("billing.list.arrearsCount"), 1L)).isEqualTo("1 payer in arrears");
        assertThat(format(english.getProperty("billing.list.arrearsCount"), 3L)).isEqualTo("3 payers in arrears");
        String summary = english.getProperty("budget.region.summary");
        assertThat(new java.text.MessageFormat(summary, java.util.Locale.ENGLISH).format(new Object[] {1L, 1L, 193L}))
                .isEqualTo("1 village has a plan (1 final) of 193 villages");
        assertThat(new java.text.MessageFormat(summary, java.util.Locale.ENGLISH).format(new Object[] {12L, 3L, 1L}))
                .isEqualTo("12 villages have a plan (3 final) of 1 village");
    }

    /**
     * The audit trail names each action and kind of record in the reader's language: every action and entity type the
     * code records ({@code audit.record("ACTION", "entity", ...)}, {@code audit.exported("entity", ...)}) has an
     * {@code audit.action.*} and {@code audit.entity.*} text in both languages. Five kinds (claims, budget plans, regional
     * regulations) and nine actions showed as raw codes on an Indonesian page until 6 December 2026.
     */
    @Test
    void everyAuditedActionAndEntityTypeHasATextInBothLanguages() throws IOException {
        Pattern recorded = Pattern.compile("\\.(?:record|recordAll)\\(\\s*\"([A-Z_]+)\",\\s*\"([a-z_]+)\"");
        Pattern exported = Pattern.compile("\\.exported\\(\\s*\"([a-z_]+)\"");
        Set<String> actions = new TreeSet<>(List.of("PAY", "TRANSITION", "UPSERT", "EXPORT"));
        Set<String> entities = new TreeSet<>(List.of("transfer_request", "potential_workforce"));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher m = recorded.matcher(text);
                while (m.find()) {
                    actions.add(m.group(1));
                    entities.add(m.group(2));
                }
                entities.addAll(all(exported, text));
            }
        }
        assertThat(actions).contains("CREATE", "PRIORITISE", "CHILD_STOP");
        assertThat(entities).contains("worker", "claim_case", "bill_list", "budget_plan");
        List<String> missing = new ArrayList<>();
        for (String language : List.of("", "_en")) {
            Properties bundle = bundle(language);
            actions.stream().filter(a -> blank(bundle.getProperty("audit.action." + a))).forEach(a -> missing.add(language + " audit.action." + a));
            entities.stream().filter(e -> blank(bundle.getProperty("audit.entity." + e))).forEach(e -> missing.add(language + " audit.entity." + e));
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Every CODE value of the bundled regulation catalog has a {@code regulation.code.*} text in both languages: the
     * catalog page showed AS_MEDICALLY_NEEDED raw until the page test caught it (6 December 2026); this says so in a second.
     */
    @Test
    void everyRuleCodeOfTheCatalogHasATextInBothLanguages() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (var parameter : id.lindung.regulation.RegulationCatalog.loadBundled().parameters()) {
            parameter.values().stream().filter(v -> v.unit() == id.lindung.regulation.Unit.CODE).forEach(v -> codes.add(v.text()));
        }
        assertThat(codes).contains("IN_FORCE", "AS_MEDICALLY_NEEDED");
        List<String> missing = new ArrayList<>();
        for (String language : List.of("", "_en")) {
            Properties bundle = bundle(language);
            codes.stream().filter(c -> blank(bundle.getProperty("regulation.code." + c))).forEach(c -> missing.add(language + " regulation.code." + c));
        }
        assertThat(missing).isEmpty();
    }

    private static String format(String pattern, Object count) {
        return new java.text.MessageFormat(pattern, java.util.Locale.ENGLISH).format(new Object[] {count});
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static void missingIn(String file, Set<String> expected, Set<String> actual, List<String> into) {
        Set<String> lacking = new TreeSet<>(expected);
        lacking.removeAll(actual);
        if (!lacking.isEmpty()) {
            into.add(file + " lacks " + lacking);
        }
    }

    /** Every bundle of one language ("" Indonesian, "_en" English) as one set of keys. */
    private static Properties bundle(String language) throws IOException {
        Properties bundle = new Properties();
        for (String base : basenames()) {
            bundle.putAll(load(base + language + ".properties"));
        }
        return bundle;
    }

    private static List<String> basenames() throws IOException {
        Properties application = load("application.properties");
        String names = application.getProperty("spring.messages.basename");
        assertThat(names).as("spring.messages.basename").isNotBlank();
        return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
