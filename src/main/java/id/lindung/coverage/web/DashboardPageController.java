package id.lindung.coverage.web;

import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.billing.Escalations;
import id.lindung.coverage.Coverage;
import id.lindung.coverage.CoverageDates;
import id.lindung.coverage.CoverageIndicators;
import id.lindung.coverage.DesaSadarVillages;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TableDownload;
import id.lindung.region.PotentialWorkforce;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coverage dashboard (/cakupan), the landing page of district offices, monitors and BPJS branches: the region's
 * indicators as big numbers with their definitions, its child regions (sortable, each drilling down; a village drills
 * to its workers), the weakest ten, the villages in arrears, Desa Sadar with the near misses, and a 24-month trend
 * (loaded as a fragment so the page does not wait for it). One date, today by default, drives every figure; every
 * table downloads as CSV and XLSX.
 */
@Controller
class DashboardPageController {

    static final int TREND_MONTHS = 24;

    private final CoverageIndicators indicators;
    private final Escalations escalations;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final WorkerCategories categories;
    private final AuditLog audit;
    private final PotentialWorkforce workforce;

    DashboardPageController(CoverageIndicators indicators, Escalations escalations, CurrentActor currentActor,
                            MessageSource messages, WorkerCategories categories, AuditLog audit, PotentialWorkforce workforce) {
        this.workforce = workforce;
        this.categories = categories;
        this.audit = audit;
        this.indicators = indicators;
        this.escalations = escalations;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    /** The most rows of villages in arrears and of near misses the dashboard itself shows. */
    static final int SHOWN = 20;

    @GetMapping("/cakupan")
    String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String date, Model model,
                     HttpServletResponse response) {
        LocalDate day = shownDate(date, model, response);
        Coverage here = indicators.of(region, day);
        List<Coverage> children = indicators.children(here.region(), day);
        model.addAttribute("c", here);
        model.addAttribute("date", day);
        model.addAttribute("today", indicators.today());
        model.addAttribute("level", level(here.region()));
        model.addAttribute("children", children);
        model.addAttribute("weakest", DashboardTables.weakestTen(children));
        // children without a ratio (no potential figure) are not ranked: the page says how many
        model.addAttribute("unranked", children.stream().filter(k -> k.ratio() == null).count());
        // a province or the nation has hundreds of either: the page shows the worst, the downloads below hold all
        // (review of 6 December 2026: 270 villages in arrears made the page 28,000 px tall on a phone)
        List<Escalations.Escalation> arrears = villagesInArrears(here.region(), day);
        model.addAttribute("arrearsCount", arrears.size());
        model.addAttribute("arrears", worst(arrears, SHOWN));
        var nearMisses = indicators.desaSadar(here.region(), day, DesaSadarVillages.Status.NEAR).villages();
        model.addAttribute("nearMissesCount", nearMisses.size());
        model.addAttribute("nearMisses", nearMisses.stream().limit(SHOWN).toList());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("parent", parentOf(here.region()));
        model.addAttribute("potentialSource", potentialSource(here));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("categoryNames", categoryNames(locale));
        return "coverage/dashboard";
    }

    /** The 24-month trend: the chart's canvas and its numbers as a table (what the chart draws). */
    @GetMapping("/cakupan/tren")
    String trend(@RequestParam(required = false) String region, @RequestParam(required = false) String date, Model model,
                 HttpServletResponse response) {
        LocalDate day = shownDate(date, model, response);
        model.addAttribute("months", trendOf(region, day));
        model.addAttribute("region", region);
        model.addAttribute("date", day);
        return "coverage/trend :: trend";
    }

    @GetMapping("/cakupan/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String region, @RequestParam(required = false) String date,
                                    @RequestParam(required = false) String table,
                                    @RequestParam(defaultValue = "csv") String format,
                                    @RequestParam(required = false) String delimiter) {
        DashboardTables.Kind kind = DashboardTables.Kind.parse(table);
        if (kind == null) {
            throw new InvalidInputException("table", "TABLE_UNKNOWN", "table must be children, weakest, arrears, desa-sadar, trend or split");
        }
        format = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        LocalDate day = date(date);
        Coverage here = indicators.of(region, day);
        String code = here.region();
        Locale locale = LocaleContextHolder.getLocale();
        java.util.function.Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        TableDownload.Table t = switch (kind) {
            case CHILDREN -> DashboardTables.children(indicators.children(code, day));
            case WEAKEST -> DashboardTables.weakest(indicators.children(code, day));
            case ARREARS -> DashboardTables.arrears(villagesInArrears(code, day));
            case DESA_SADAR -> desaSadarTable(code, day, format, locale);
            case TREND -> DashboardTables.trend(trendOf(code, day));
            case SPLIT -> DashboardTables.split(here, label, categoryNames(locale)::get);
        };
        return TableDownload.of(format, dialect, "cakupan-" + code + "-" + day + "-" + t.name(), List.of(t), label);
    }

    /** The Desa Sadar list with each missing person's category by its name in the page's language; audited (names people). */
    private TableDownload.Table desaSadarTable(String code, LocalDate day, String format, Locale locale) {
        DesaSadarVillages list = indicators.desaSadar(code, day, null);
        DesaSadarDisclosure.audit(audit, list, format);
        return DashboardTables.desaSadar(list, categoryNames(locale)::get);
    }

    private java.util.Map<String, String> categoryNames(Locale locale) {
        return categories.all().stream().collect(java.util.stream.Collectors.toMap(WorkerCategory::code, k -> k.name(locale)));
    }

    /** Where the ratio's denominator comes from: its year, its source and whether it is an invented demo figure. */
    record PotentialSource(int year, String source, boolean demo) {}

    /**
     * The source of the region's potential workforce, as the region module publishes it (/wilayah shows the same): the
     * nation's is the sum of its provinces', demo when any of them is. One row kept per region and year (V183), however
     * many figures lie beneath.
     */
    private PotentialSource potentialSource(Coverage here) {
        if (here.potential() == null) {
            return null;
        }
        int year = here.date().getYear();
        return workforce.figure(here.region(), year).map(f -> new PotentialSource(year, f.source(), f.demo())).orElse(null);
    }

    private List<Coverage> trendOf(String region, LocalDate day) {
        YearMonth to = YearMonth.from(day);
        YearMonth first = YearMonth.from(CoverageDates.EARLIEST);
        YearMonth from = to.minusMonths(TREND_MONTHS - 1L);
        // a date in the programmes' first two years draws the months since they began
        // the last point is the date itself, where the big numbers stand (docs/coverage-dashboard.md)
        return indicators.trend(region, from.isBefore(first) ? first : from, to, day);
    }

    /** The {@code n} villages longest in arrears, the largest debt first among equals. */
    static List<Escalations.Escalation> worst(List<Escalations.Escalation> arrears, int n) {
        return arrears.stream()
                .sorted(java.util.Comparator.comparingInt(Escalations.Escalation::monthsInArrears).reversed()
                        .thenComparing(Escalations.Escalation::outstanding, java.util.Comparator.reverseOrder()))
                .limit(n).toList();
    }

    /** Village payers (APBDes) of the region more than one month in arrears on the date (billing's escalations). */
    private List<Escalations.Escalation> villagesInArrears(String region, LocalDate day) {
        var actor = currentActor.get();
        return escalations.forScope(RegionScope.of(region), day).stream()
                .filter(e -> "APBDES".equals(e.kind()))
                .map(e -> e.shownTo(actor))
                .toList();
    }

    /**
     * The page's date; a malformed one or one outside CoverageDates is answered on the page (400) with the allowed range
     * and today's figures, never with the generic error page.
     */
    private LocalDate shownDate(String text, Model model, HttpServletResponse response) {
        model.addAttribute("earliest", CoverageDates.EARLIEST);
        model.addAttribute("latest", CoverageDates.latest(indicators.today()));
        try {
            return date(text);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("dateRefused", InputProblem.shown(text.strip()));
            return indicators.today();
        }
    }

    private LocalDate date(String text) {
        LocalDate day = CoverageDates.parse("date", text);
        if (day == null) {
            return indicators.today();
        }
        // before the trend's months are counted back from it
        return CoverageDates.check("date", day, indicators.today());
    }

    /** NATION, PROVINCE, REGENCY, DISTRICT or VILLAGE, from the code's length. */
    static String level(String code) {
        return switch (code.length()) {
            case 2 -> RegionScope.NATIONAL_CODE.equals(code) ? "NATION" : "PROVINCE";
            case 5 -> "REGENCY";
            case 8 -> "DISTRICT";
            default -> "VILLAGE";
        };
    }

    /** The region one level up within the actor's scope, or null at the top of the scope. */
    private String parentOf(String code) {
        RegionScope scope = currentActor.get().scope();
        if (code.equals(scope.code()) || RegionScope.NATIONAL_CODE.equals(code)) {
            return null;
        }
        int dot = code.lastIndexOf('.');
        String parent = dot < 0 ? RegionScope.NATIONAL_CODE : code.substring(0, dot);
        return scope.covers(parent) || scope.isNational() ? parent : null;
    }
}
