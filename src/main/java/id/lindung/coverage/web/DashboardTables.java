package id.lindung.coverage.web;

import id.lindung.billing.Escalations;
import id.lindung.coverage.Coverage;
import id.lindung.coverage.DesaSadarVillages;
import id.lindung.coverage.LocalRegulation;
import id.lindung.platform.TableDownload.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's tables as rows of typed cells (numbers stay numbers), the same for the page's downloads in CSV and
 * XLSX. Each table names its columns by message key, so the download speaks the page's language.
 */
final class DashboardTables {

    /** The tables a dashboard can download, by the name in its URL. */
    enum Kind {
        CHILDREN("children"), WEAKEST("weakest"), ARREARS("arrears"), DESA_SADAR("desa-sadar"), TREND("trend"), SPLIT("split");

        final String urlName;

        Kind(String urlName) {
            this.urlName = urlName;
        }

        static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.urlName.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return k;
                }
            }
            return null;
        }
    }

    private static final List<String> REGION_COLUMNS = List.of("dashboard.col.code", "dashboard.col.name",
            "dashboard.col.potential", "dashboard.col.registered", "dashboard.col.protected", "dashboard.col.ratio",
            "dashboard.col.apparatusRegistered", "dashboard.col.apparatusProtected", "dashboard.col.desaSadar",
            "dashboard.col.desa");

    private DashboardTables() {}

    static Table children(List<Coverage> children) {
        return new Table("children", REGION_COLUMNS, children.stream().map(DashboardTables::regionRow).toList());
    }

    static Table weakest(List<Coverage> children) {
        return new Table("weakest", REGION_COLUMNS, weakestTen(children).stream().map(DashboardTables::regionRow).toList());
    }

    /**
     * The ten children with the lowest coverage ratio; children without a ratio (no potential workforce figure) are
     * not ranked, since their weakness cannot be measured.
     */
    static List<Coverage> weakestTen(List<Coverage> children) {
        return children.stream().filter(c -> c.ratio() != null)
                .sorted(Comparator.comparing(Coverage::ratio).thenComparing(Coverage::protectedWorkers).thenComparing(Coverage::region))
                .limit(10).toList();
    }

    static Table arrears(List<Escalations.Escalation> villages) {
        return new Table("arrears", List.of("dashboard.col.payer", "dashboard.col.name", "dashboard.col.code",
                "dashboard.col.months", "dashboard.col.outstanding", "dashboard.col.oldestDue"),
                villages.stream().map(e -> List.<Object>of(e.payer(), e.payerName(), e.regionCode(), (long) e.monthsInArrears(),
                        e.outstanding().toBigDecimal(), e.oldestDue().toString())).toList());
    }

    /** {@code categoryName}: a category code's label as the page shows it (the code itself when it has none). */
    static Table desaSadar(DesaSadarVillages villages, Function<String, String> categoryName) {
        List<List<Object>> rows = new ArrayList<>();
        for (DesaSadarVillages.Village v : villages.villages()) {
            rows.add(List.of(v.code(), v.name(), v.status().name(), (long) v.missing().size(), v.missing().isEmpty() ? ""
                    : v.missing().stream().map(m -> m.name() + " (" + java.util.Objects.requireNonNullElse(categoryName.apply(m.category()), m.category()) + ")").collect(Collectors.joining("; "))));
        }
        return new Table("desa-sadar", List.of("dashboard.col.code", "dashboard.col.name", "dashboard.col.status",
                "dashboard.col.missingCount", "dashboard.col.missing"), rows);
    }

    static Table trend(List<Coverage> months) {
        return new Table("trend", List.of("dashboard.col.date", "dashboard.col.potential", "dashboard.col.registered",
                "dashboard.col.protected", "dashboard.col.ratio"),
                months.stream().map(c -> listOf(c.date().toString(), c.potential(), c.registered(), c.protectedWorkers(),
                        c.ratio())).toList());
    }

    /**
     * The region's breakdown ("Rincian"): registered and protected workers by segment (PU, BPU), by worker category, by
     * programme, by the kind of payer their contributions are owed by, and the extreme-poor households (all flagged,
     * then by decile); each row names its group and its key with the key's label beside it. Every key of the API's
     * object is a row, zeros included (the page leaves empty categories and deciles out, the download does not).
     *
     * @param categoryName a category code's name in the page's language (null when it has none: the code is shown)
     */
    static Table split(Coverage c, Function<String, String> label, Function<String, String> categoryName) {
        List<List<Object>> rows = new ArrayList<>();
        splitRows(rows, label.apply("dashboard.split.segment"), c.bySegment(), k -> label.apply("dashboard.segment." + k));
        splitRows(rows, label.apply("dashboard.split.category"), c.byCategory(),
                k -> java.util.Objects.requireNonNullElse(categoryName.apply(k), k));
        splitRows(rows, label.apply("dashboard.split.programme"), c.byProgramme(), k -> label.apply("program." + k));
        splitRows(rows, label.apply("dashboard.split.payerKind"), c.byPayerKind(), k -> label.apply("dashboard.payer." + k));
        if (c.extremePoverty() != null) {
            Map<String, Coverage.Count> poverty = new java.util.LinkedHashMap<>();
            poverty.put("FLAGGED", c.extremePoverty().flagged());
            poverty.putAll(c.extremePoverty().byDecile());
            splitRows(rows, label.apply("dashboard.split.poverty"), poverty, k -> povertyLabel(k, label));
        }
        return new Table("split", List.of("dashboard.col.group", "dashboard.col.code", "dashboard.col.name",
                "dashboard.col.registered", "dashboard.col.protected"), rows);
    }

    /** "Desil 3" for a decile, the key's own label for FLAGGED and UNKNOWN. */
    static String povertyLabel(String key, Function<String, String> label) {
        return key.chars().allMatch(Character::isDigit) ? label.apply("dashboard.poverty.decile").replace("{0}", key)
                : label.apply("dashboard.poverty." + key);
    }

    private static void splitRows(List<List<Object>> rows, String group, Map<String, Coverage.Count> counts,
                                  Function<String, String> name) {
        if (counts == null) {
            return;
        }
        counts.forEach((key, n) -> rows.add(listOf(group, key, name.apply(key), n.registered(), n.protectedWorkers())));
    }

    /**
     * The register of regional regulations as listed on /cakupan/regulasi: kind and budget sources by their label,
     * dates as ISO text, what a regulation covers as yes/no, and the file's SHA-256 (the file itself is one link away).
     */
    static Table regulations(List<LocalRegulation> items, Function<String, String> label) {
        String yes = label.apply("dashboard.yes");
        String no = label.apply("dashboard.no");
        List<List<Object>> rows = items.stream().map(r -> listOf(label.apply("localRegulation.kind." + r.kind().name()),
                r.number(), r.title(), r.counterparty(), r.regionCode(), r.regionName(), text(r.signedOn()),
                text(r.inForceFrom()), text(r.inForceUntil()), r.coversApparatus() ? yes : no, r.coversVulnerable() ? yes : no,
                String.join(", ", r.programs()),
                r.budgets().stream().map(b -> label.apply("localRegulation.budget." + b)).collect(Collectors.joining(", ")),
                r.file() == null ? null : r.file().sha256())).toList();
        return new Table("regulasi", List.of("localRegulation.kind", "localRegulation.number", "localRegulation.titleField",
                "localRegulation.counterparty", "dashboard.col.code", "localRegulation.region", "localRegulation.signedOnField",
                "localRegulation.inForceFrom", "localRegulation.inForceUntil", "localRegulation.apparatus",
                "localRegulation.vulnerable", "localRegulation.programs", "localRegulation.budgets", "monev.col.sha256"), rows);
    }

    private static String text(java.time.LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static List<Object> regionRow(Coverage c) {
        return listOf(c.region(), c.name(), c.potential(), c.registered(), c.protectedWorkers(), c.ratio(),
                c.apparatus() == null ? null : c.apparatus().registered(),
                c.apparatus() == null ? null : c.apparatus().protectedWorkers(),
                c.desaSadar() == null ? null : c.desaSadar().villages(), c.desaSadar() == null ? null : c.desaSadar().desa());
    }

    /** A row that may hold nulls (List.of refuses them). */
    private static List<Object> listOf(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c instanceof Integer i ? Long.valueOf(i) : c instanceof BigDecimal || c instanceof Long || c instanceof String
                    || c == null ? c : c.toString());
        }
        return row;
    }
}
