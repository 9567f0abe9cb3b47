package id.lindung.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks a NIK ({@code PP KK CC DD MM YY NNNN}) without any database: the caller supplies whether a
 * six-digit district code exists. There is no check digit. Error codes are stable; clients act on them.
 */
public final class NikCheck {

    public static final String NOT_16_DIGITS = "NIK_NOT_16_DIGITS";
    public static final String UNKNOWN_DISTRICT = "NIK_UNKNOWN_DISTRICT";
    public static final String INVALID_DATE = "NIK_INVALID_DATE";
    public static final String SERIAL_ZERO = "NIK_SERIAL_ZERO";
    public static final String SEX_MISMATCH = "NIK_SEX_MISMATCH";
    public static final String BIRTH_DATE_MISMATCH = "NIK_BIRTH_DATE_MISMATCH";

    public record Error(String code, String message) {}

    /**
     * @param sex          'L' or 'P' decoded from the day (+40 for women), null when the date part is invalid
     * @param birthDate    decoded birth date (century chosen as documented), null when invalid
     * @param districtCode the district code in dotted form ({@code 64.02.03}), null when not 16 digits
     */
    public record Result(String nik, boolean valid, List<Error> errors, Character sex, LocalDate birthDate,
                         String districtCode) {

        public boolean hasError(String code) {
            return errors.stream().anyMatch(e -> e.code().equals(code));
        }
    }

    private NikCheck() {}

    /** Checks the NIK on its own. */
    public static Result check(String nik, Predicate<String> districtExists, LocalDate today) {
        return check(nik, districtExists, null, null, today);
    }

    /**
     * Checks the NIK and, when given, that the sex and birth date encoded in it agree with the ones entered.
     * The century is the one that matches {@code enteredBirthDate}; without one (or when neither matches),
     * 20YY unless that lies in the future, else 19YY.
     */
    public static Result check(String nik, Predicate<String> districtExists, Character enteredSex,
                               LocalDate enteredBirthDate, LocalDate today) {
        List<Error> errors = new ArrayList<>(2);
        if (nik == null || nik.length() != 16 || !allDigits(nik)) {
            errors.add(new Error(NOT_16_DIGITS, "NIK must be exactly 16 digits, got '" + (nik == null ? "" : nik) + "'"));
            return new Result(nik, false, errors, null, null, null);
        }
        String district = nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6);
        if (!districtExists.test(district)) {
            errors.add(new Error(UNKNOWN_DISTRICT, "NIK digits 1-6 (" + district + ") are not a known district (kecamatan) code"));
        }
        int dd = num(nik, 6);
        int mm = num(nik, 8);
        int yy = num(nik, 10);
        Character sex = null;
        LocalDate birth = null;
        int day = dd > 40 ? dd - 40 : dd;
        if (dd < 1 || (dd > 31 && dd < 41) || dd > 71 || mm < 1 || mm > 12) {
            errors.add(new Error(INVALID_DATE, "NIK digits 7-12 (" + nik.substring(6, 12)
                    + ") are not a date DDMMYY (day 01-31, or 41-71 for women; month 01-12)"));
        } else {
            sex = dd > 40 ? 'P' : 'L';
            birth = decodeDate(day, mm, yy, enteredBirthDate, today);
            if (birth == null) {
                errors.add(new Error(INVALID_DATE, "NIK digits 7-12 (" + nik.substring(6, 12) + ") are not a real date"));
                sex = null;
            }
        }
        if (nik.endsWith("0000")) {
            errors.add(new Error(SERIAL_ZERO, "NIK serial (last 4 digits) must not be 0000"));
        }
        if (sex != null && enteredSex != null && sex.charValue() != enteredSex.charValue()) {
            errors.add(new Error(SEX_MISMATCH, "NIK encodes sex '" + sex + "' but sex '" + enteredSex + "' was entered"));
        }
        if (birth != null && enteredBirthDate != null && !birth.equals(enteredBirthDate)) {
            errors.add(new Error(BIRTH_DATE_MISMATCH, "NIK encodes birth date " + birth.getDayOfMonth() + "-"
                    + birth.getMonthValue() + "-" + (birth.getYear() % 100) + " (" + birth + ") but birth date "
                    + enteredBirthDate + " was entered"));
        }
        return new Result(nik, errors.isEmpty(), List.copyOf(errors), sex, birth,
                errors.stream().anyMatch(e -> e.code().equals(UNKNOWN_DISTRICT)) ? null : district);
    }

    /** The NIK's district digits as a dotted district code, e.g. {@code 640203} → {@code 64.02.03}. */
    public static String districtOf(String nik) {
        return nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6);
    }

    private static LocalDate decodeDate(int day, int month, int yy, LocalDate entered, LocalDate today) {
        if (entered != null && entered.getYear() % 100 == yy) {
            LocalDate d = date(entered.getYear(), month, day);
            if (d != null) {
                return d;
            }
        }
        LocalDate d2000 = date(2000 + yy, month, day);
        if (d2000 != null && !d2000.isAfter(today)) {
            return d2000;
        }
        return date(1900 + yy, month, day);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    /** The NIK with all but the first 6 and last 2 digits hidden ({@link id.lindung.access.PersonalData#mask}). */
    public static String mask(String nik) {
        return id.lindung.access.PersonalData.mask(nik);
    }
}
