package id.lindung.registry.web;

import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.Workers;
import id.lindung.platform.InputProblem;
import id.lindung.platform.MoneyField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;

/**
 * The new-worker form as typed, kept as text so that a refused form comes back exactly as entered. Blank
 * membership fields take the defaults by category: the registry's segment, payer and risk group, and
 * {@link id.lindung.registry.DefaultWages}.
 */
record WorkerForm(String nik, String name, String sex, String birthDate, String villageCode, String category, String phone,
                  String kpj, String extremePoverty, String povertyDecile, List<String> programs, String segment,
                  String wage, String riskGroup, String payerKind, String payerName, String startDate) {

    static WorkerForm blank(String villageCode, LocalDate today) {
        return new WorkerForm("", "", "", "", villageCode, "", "", "", null, "", List.of("JKK", "JKM"), "", "", "", "", "",
                today.toString());
    }

    /** Only the NIK and village, for the answer to a refused transfer. */
    static WorkerForm of(String nik, String villageCode, LocalDate today) {
        WorkerForm b = blank(villageCode, today);
        return new WorkerForm(nik, b.name(), b.sex(), b.birthDate(), villageCode, b.category(), b.phone(), b.kpj(), null,
                b.povertyDecile(), b.programs(), b.segment(), b.wage(), b.riskGroup(), b.payerKind(), b.payerName(), b.startDate());
    }

    WorkerForm withVillage(String code) {
        return new WorkerForm(nik, name, sex, birthDate, code, category, phone, kpj, extremePoverty, povertyDecile, programs,
                segment, wage, riskGroup, payerKind, payerName, startDate);
    }

    public boolean checked(String program) {
        return programs != null && programs.contains(program);
    }

    Workers.Registration toRegistration(WorkerCategories categories) {
        WorkerCategory cat = categories.find(category).orElse(null);
        List<Programme> chosen = programs == null ? List.of() : programs.stream().map(p -> parse(Programme.class, p))
                .filter(java.util.Objects::nonNull).toList();
        BigDecimal amount = wage(wage); // blank: the registry assumes the default wage (DefaultWages)
        return new Workers.Registration(trim(nik), name, blankToNull(sex), date(birthDate), trim(villageCode), phone, kpj, cat,
                extremePoverty != null, integer(povertyDecile), chosen, parse(Segment.class, segment), amount,
                parse(RiskGroup.class, riskGroup), new PayerInput(payerKind, payerName).spec(), date(startDate));
    }

    /**
     * The problems of the fields whose text is not a value of their type, with the registry's parse codes
     * ({@link id.lindung.registry.WorkerInputRules.Code}); {@link #toRegistration} leaves those values null.
     */
    List<InputProblem> unreadable(WorkerCategories categories) {
        List<InputProblem> p = new ArrayList<>();
        if (present(birthDate) && date(birthDate) == null) {
            p.add(InputProblem.of("birthDate", "INVALID_DATE", "birth date '" + birthDate.trim() + "' is not a date YYYY-MM-DD"));
        }
        if (present(startDate) && date(startDate) == null) {
            p.add(InputProblem.of("startDate", "INVALID_DATE", "start date '" + startDate.trim() + "' is not a date YYYY-MM-DD"));
        }
        MoneyField.read("wage", wage, "WAGE_INVALID", "WAGE_SCALE", p);
        if (present(category) && categories.find(category).isEmpty()) {
            p.add(InputProblem.of("category", "CATEGORY_UNKNOWN", "category '" + category.trim() + "' is not known"));
        }
        if (present(segment) && parse(Segment.class, segment) == null) {
            p.add(InputProblem.of("segment", "SEGMENT_UNKNOWN", "segment must be PU or BPU"));
        }
        if (present(riskGroup) && parse(RiskGroup.class, riskGroup) == null) {
            p.add(InputProblem.of("riskGroup", "RISK_UNKNOWN", "risk group '" + riskGroup.trim() + "' is not known"));
        }
        if (programs != null && programs.stream().anyMatch(t -> present(t) && parse(Programme.class, t) == null)) {
            p.add(InputProblem.of("programs", "PROGRAM_UNKNOWN", "expected JKK, JKM, JHT, JP or JKP"));
        }
        if (present(povertyDecile) && integer(povertyDecile) == null) {
            p.add(InputProblem.of("povertyDecile", "OUT_OF_RANGE", "poverty decile must be 1 to 10"));
        }
        return p;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    // Browsers send dates as ISO; a wage is typed as on a receipt; anything else is null here and named by unreadable().

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A wage as typed on a receipt ({@code 1.500.000}, {@code Rp 1.500.000}); null when blank or unreadable. */
    static BigDecimal wage(String text) {
        return MoneyField.read("wage", text, "WAGE_INVALID", "WAGE_SCALE", new ArrayList<>());
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
