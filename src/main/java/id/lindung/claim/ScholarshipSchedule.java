package id.lindung.claim;

import id.lindung.platform.InvalidInputException;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The years of scholarship of each child (RULES.md 4.3, Permenaker 5/2021), pure. The first year is the school year of
 * the incident (Indonesian school years start on 1 July); a child below school age starts on entering kindergarten.
 * Each year the child moves one class up from where the declared level and age place it (standard ages on 1 July: TK
 * 4-5, SD 6-11, SMP 12-14, SMA 15-17, university 18-22), at the year's amount of the regulation's table, until the
 * table's years run out, a school year would start at or after {@code maxAge}, or the per-child or per-case maximum is
 * reached. Before PP 82/2019 ({@code FLAT_PER_CHILD}) a child receives one flat amount in the first year.
 */
final class ScholarshipSchedule {

    /** The table rows in order, with the age a child starts each. */
    static final List<String> ROWS = List.of("TK_SD", "SMP", "SMA", "UNIVERSITY");
    private static final Map<String, Integer> ENTRY_AGE = Map.of("TK_SD", 4, "SMP", 12, "SMA", 15, "UNIVERSITY", 18);

    /** The regulation on the incident date: per-year amounts and years by row, or a flat amount per child. */
    record Table(boolean flat, Rupiah flatPerChild, Map<String, Rupiah> perYear, Map<String, Integer> years, int maxChildren,
                 int maxAge) {

        Rupiah perChildMax() {
            if (flat) {
                return flatPerChild;
            }
            Rupiah sum = Rupiah.ZERO;
            for (String row : ROWS) {
                sum = sum.plus(perYear.get(row).times(years.get(row)));
            }
            return sum;
        }

        Rupiah perCaseMax() {
            return perChildMax().times(maxChildren);
        }
    }

    /** A child the policies let through, numbered as on the case. */
    record Child(int no, LocalDate birthDate, SchoolLevel level) {}

    /** One school year of one child: {@code schoolYear} is the year it starts in July. */
    record Year(int child, int schoolYear, String level, Rupiah amount) {}

    private ScholarshipSchedule() {}

    /** The school year (its starting year) a date falls in. */
    static int schoolYearOf(LocalDate date) {
        return date.getMonthValue() >= 7 ? date.getYear() : date.getYear() - 1;
    }

    static String label(int schoolYear) {
        return schoolYear + "/" + (schoolYear + 1);
    }

    /** "2025/2026" to 2025; null when the text is not a school year. */
    static Integer parseLabel(String text) {
        if (text == null || !text.matches("\\d{4}/\\d{4}")) {
            return null;
        }
        int first = Integer.parseInt(text.substring(0, 4));
        return Integer.parseInt(text.substring(5)) == first + 1 ? first : null;
    }

    /**
     * A school year the caller must give: absent is REQUIRED, anything but "2025/2026" (two years in a row) is
     * INVALID_VALUE, both on {@code field} (a "2025-2026" was answered as if no year had been given).
     */
    static int requireLabel(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "REQUIRED", field + " such as 2025/2026 is required");
        }
        Integer year = parseLabel(text.strip());
        if (year == null) {
            throw new InvalidInputException(field, "INVALID_VALUE", field + " must be a school year such as 2025/2026");
        }
        return year;
    }

    static LocalDate startOf(int schoolYear) {
        return LocalDate.of(schoolYear, 7, 1);
    }

    static List<Year> of(List<Child> children, LocalDate incidentDate, Table table) {
        List<Year> years = new ArrayList<>();
        Rupiah caseLeft = table.perCaseMax();
        int first = schoolYearOf(incidentDate);
        for (Child child : children) {
            Rupiah childLeft = table.perChildMax();
            if (table.flat()) {
                Rupiah amount = table.flatPerChild().min(caseLeft);
                if (amount.isGreaterThan(Rupiah.ZERO) && age(child, first) < table.maxAge()) {
                    years.add(new Year(child.no(), first, "FLAT", amount));
                    caseLeft = caseLeft.minus(amount);
                }
                continue;
            }
            int year = first;
            int row;
            int index;
            if (child.level() == SchoolLevel.NONE) {
                while (age(child, year) < ENTRY_AGE.get("TK_SD")) {
                    year++;
                }
                row = 0;
                index = 0;
            } else {
                String name = child.level().tableRow();
                row = ROWS.indexOf(name);
                int entry = child.level() == SchoolLevel.SD ? 6 : ENTRY_AGE.get(name);
                int offset = child.level() == SchoolLevel.SD ? 2 : 0;
                int span = child.level() == SchoolLevel.TK ? 2 : child.level() == SchoolLevel.SD ? 6 : table.years().get(name);
                index = offset + Math.max(0, Math.min(span - 1, age(child, year) - entry));
            }
            while (row < ROWS.size()) {
                String name = ROWS.get(row);
                if (index >= table.years().get(name)) {
                    row++;
                    index = 0;
                    continue;
                }
                if (age(child, year) >= table.maxAge()) {
                    break;
                }
                Rupiah amount = table.perYear().get(name).min(childLeft).min(caseLeft);
                if (!amount.isGreaterThan(Rupiah.ZERO)) {
                    break;
                }
                years.add(new Year(child.no(), year, name, amount));
                childLeft = childLeft.minus(amount);
                caseLeft = caseLeft.minus(amount);
                year++;
                index++;
            }
        }
        return years;
    }

    /** Age in whole years on 1 July of the school year. */
    static int age(Child child, int schoolYear) {
        return Period.between(child.birthDate(), startOf(schoolYear)).getYears();
    }
}
