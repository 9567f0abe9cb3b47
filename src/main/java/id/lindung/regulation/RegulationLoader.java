package id.lindung.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads regulation files and validates them as a whole: every problem found is reported, each naming
 * the file, the parameter and the date, and nothing is loaded if there is any.
 */
final class RegulationLoader {

    /**
     * A file's text. {@code addsValuesOnly}: an operator's file, which adds dated values to the bundled parameters and
     * may not define new ones; a typo such as {@code pu.jp.wageCapp} made a parameter nobody reads, and next year's
     * cap was silently not used.
     */
    record Source(String name, String text, boolean addsValuesOnly) {
        Source(String name, String text) {
            this(name, text, false);
        }
    }

    /** Texts in two languages: {@code description} is English (as in files written before), {@code _en} may replace it. */
    private static final Set<String> PARAMETER_KEYS = Set.of("description", "description_en", "description_id", "unit", "condition",
            "condition_en", "condition_id", "values");
    private static final Set<String> VALUE_KEYS = Set.of("from", "until", "value", "regulation", "article", "sources",
            "verified", "note", "note_en", "note_id", "override");

    private record Draft(String id, Text description, Unit unit, Text condition, String file, List<DraftValue> values) {}

    private record DraftValue(DatedValue value, boolean override) {}

    private RegulationLoader() {}

    static RegulationCatalog load(List<Source> sources) {
        List<String> problems = new ArrayList<>();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Source source : sources) {
            readFile(source, drafts, problems);
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        drafts.values().forEach(d -> {
            Parameter p = validate(d, problems);
            if (p != null) {
                parameters.put(p.id(), p);
            }
        });
        if (!problems.isEmpty()) {
            throw new RegulationException(problems);
        }
        return new RegulationCatalog(parameters, sources.stream().map(Source::name).toList());
    }

    /** Scalars stay strings (no floats, no timestamps): values are parsed exactly by their unit. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
                addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
                addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            }
        };
        DumperOptions dump = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options, stringsOnly);
    }

    private static void readFile(Source source, Map<String, Draft> drafts, List<String> problems) {
        Object root;
        try {
            root = yaml().load(source.text());
        } catch (RuntimeException e) {
            problems.add(source.name() + ": not valid YAML (" + e.getMessage().replace('\n', ' ') + ")");
            return;
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("parameters") instanceof Map<?, ?> params)) {
            problems.add(source.name() + ": expected a top-level 'parameters:' map");
            return;
        }
        for (var entry : params.entrySet()) {
            String id = String.valueOf(entry.getKey());
            String where = source.name() + ": parameter " + id;
            if (!(entry.getValue() instanceof Map<?, ?> body)) {
                problems.add(where + ": expected a map with unit and values");
                continue;
            }
            unknownKeys(body, PARAMETER_KEYS, where, problems);
            Unit unit = parseUnit(body.get("unit"), where, problems);
            Text description = texts(body, "description");
            Text condition = texts(body, "condition");
            Draft draft = drafts.get(id);
            if (draft == null && source.addsValuesOnly()) {
                problems.add(where + ": is no parameter of the bundled catalog; an operator file adds values to its parameters"
                        + closest(id, drafts.keySet()).map(c -> " (did you mean " + c + "?)").orElse(""));
                continue;
            }
            if (draft == null) {
                if (unit == null) {
                    continue;
                }
                draft = new Draft(id, description, unit, condition, source.name(), new ArrayList<>());
                drafts.put(id, draft);
            } else if (unit != null && unit != draft.unit()) {
                problems.add(where + ": unit " + unit + " differs from " + draft.unit() + " in " + draft.file());
                continue;
            }
            if (!(body.get("values") instanceof List<?> values) || values.isEmpty()) {
                problems.add(where + ": has no values");
                continue;
            }
            for (Object v : values) {
                DraftValue value = readValue(v, id, draft.unit(), source.name(), problems);
                if (value != null) {
                    draft.values().add(value);
                }
            }
        }
    }

    private static DraftValue readValue(Object raw, String id, Unit unit, String file, List<String> problems) {
        if (!(raw instanceof Map<?, ?> v)) {
            problems.add(file + ": parameter " + id + ": each value must be a map with from, value and reference");
            return null;
        }
        LocalDate from = parseDate(v.get("from"));
        String where = file + ": parameter " + id + ", value from " + (from == null ? text(v.get("from")) : from);
        int before = problems.size();
        unknownKeys(v, VALUE_KEYS, where, problems);
        if (from == null) {
            problems.add(where + ": 'from' must be a date like 2025-03-01");
        }
        LocalDate until = null;
        if (v.get("until") != null) {
            until = parseDate(v.get("until"));
            if (until == null) {
                problems.add(where + ": 'until' must be a date like 2025-07-31");
            } else if (from != null && until.isBefore(from)) {
                problems.add(where + ": 'until' " + until + " is before 'from'");
            }
        }
        String value = text(v.get("value"));
        if (value == null) {
            problems.add(where + ": has no value");
        } else {
            String error = checkValue(unit, value);
            if (error != null) {
                problems.add(where + ": value '" + value + "' " + error);
            }
        }
        String regulation = text(v.get("regulation"));
        if (regulation == null) {
            problems.add(where + ": has no reference (regulation)");
        }
        List<String> sources = new ArrayList<>();
        if (v.get("sources") instanceof List<?> list) {
            list.forEach(s -> sources.add(String.valueOf(s).strip()));
        } else if (v.get("sources") != null) {
            sources.add(text(v.get("sources")));
        }
        if (sources.isEmpty()) {
            problems.add(where + ": has no sources (ids listed in docs/regulation-sources.md, e.g. [S9])");
        }
        Boolean verified = bool(v.get("verified"), where + ": 'verified'", problems);
        Boolean override = bool(v.get("override"), where + ": 'override'", problems);
        if (problems.size() > before) {
            return null;
        }
        Text note = texts(v, "note");
        Reference reference = new Reference(id, regulation, text(v.get("article")), sources,
                verified == null || verified, note.english(), note.indonesian());
        return new DraftValue(new DatedValue(id, from, until, unit, value, reference, file), override != null && override);
    }

    private static Parameter validate(Draft draft, List<String> problems) {
        List<DraftValue> merged = new ArrayList<>();
        for (DraftValue candidate : draft.values()) {
            DraftValue same = merged.stream().filter(m -> m.value().from().equals(candidate.value().from())).findFirst().orElse(null);
            if (same != null && candidate.override()) {
                merged.remove(same);
            } else if (same != null) {
                problems.add(candidate.value().file() + ": parameter " + draft.id() + ", value from " + candidate.value().from()
                        + ": overlaps the value from the same date in " + same.value().file()
                        + " (set 'override: true' to replace it)");
                continue;
            }
            merged.add(candidate);
        }
        List<DatedValue> values = merged.stream().map(DraftValue::value).sorted(Comparator.comparing(DatedValue::from)).toList();
        boolean ok = true;
        for (int i = 0; i + 1 < values.size(); i++) {
            DatedValue current = values.get(i);
            DatedValue next = values.get(i + 1);
            if (current.until() == null) {
                continue;
            }
            if (!next.from().isAfter(current.until())) {
                problems.add(next.file() + ": parameter " + draft.id() + ", value from " + next.from()
                        + ": overlaps the value from " + current.from() + " until " + current.until() + " in " + current.file());
                ok = false;
            } else if (!next.from().equals(current.until().plusDays(1))) {
                problems.add(next.file() + ": parameter " + draft.id() + ", value from " + next.from()
                        + ": leaves a gap after the value from " + current.from() + " ended on " + current.until()
                        + " (" + current.file() + ")");
                ok = false;
            }
        }
        return ok && !values.isEmpty()
                ? new Parameter(draft.id(), draft.description().english(), draft.unit(), draft.condition().english(), values,
                        draft.description().indonesian(), draft.condition().indonesian()) : null;
    }

    private static String checkValue(Unit unit, String value) {
        try {
            switch (unit) {
                case PERCENT -> {
                    BigDecimal p = new BigDecimal(value);
                    if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                        return "is not a percentage between 0 and 100";
                    }
                    id.lindung.shared.Rate.ofPercent(p);
                }
                case RUPIAH -> {
                    BigDecimal r = new BigDecimal(value);
                    if (r.signum() < 0 || r.scale() > 2) {
                        return "is not an amount in rupiah (at most 2 decimals, not negative)";
                    }
                }
                case FACTOR -> {
                    if (new BigDecimal(value).signum() < 0) {
                        return "is not a positive factor";
                    }
                }
                case MONTHS, YEARS, COUNT -> {
                    if (Integer.parseInt(value) < 0) {
                        return "is negative";
                    }
                }
                case DAY_OF_MONTH -> {
                    int d = Integer.parseInt(value);
                    if (d < 1 || d > 31) {
                        return "is not a day of the month";
                    }
                }
                case DATE -> {
                    if (parseDate(value) == null) {
                        return "is not a date like 2022-04-15";
                    }
                }
                case CODE -> {
                    if (value.isEmpty() || !value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) {
                        return "is not a code in capitals (A-Z, 0-9, _)";
                    }
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return "is not a number for unit " + unit;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Unit parseUnit(Object raw, String where, List<String> problems) {
        String unit = text(raw);
        if (unit == null) {
            problems.add(where + ": has no unit (one of " + List.of(Unit.values()) + ")");
            return null;
        }
        try {
            return Unit.valueOf(unit);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": unknown unit '" + unit + "' (one of " + List.of(Unit.values()) + ")");
            return null;
        }
    }

    /** The known id nearest to a mistyped one: at most three edits away. */
    private static java.util.Optional<String> closest(String id, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = 4;
        for (String k : known) {
            int d = distance(id, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> allowed, String where, List<String> problems) {
        map.keySet().stream().map(String::valueOf).filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> problems.add(where + ": unknown key '" + k + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")"));
    }

    private static LocalDate parseDate(Object raw) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Boolean bool(Object raw, String where, List<String> problems) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        problems.add(where + " must be true or false");
        return null;
    }

    /** A text in English and Indonesian: {@code key} or {@code key_en}, and {@code key_id}; either may be missing. */
    private record Text(String english, String indonesian) {}

    private static Text texts(Map<?, ?> map, String key) {
        String english = text(map.get(key + "_en"));
        return new Text(english != null ? english : text(map.get(key)), text(map.get(key + "_id")));
    }

    private static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = String.valueOf(raw).strip();
        return s.isEmpty() ? null : s;
    }
}
