package id.lindung.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** NIKs that are valid for a district, sex and birth date, and unique within a test JVM. */
public final class Niks {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000) + 1);

    private Niks() {}

    public static String of(String districtCode, String sex, LocalDate birth, int serial) {
        int day = birth.getDayOfMonth() + ("P".equals(sex) ? 40 : 0);
        return districtCode.replace(".", "") + String.format("%02d%02d%02d%04d", day, birth.getMonthValue(),
                birth.getYear() % 100, serial);
    }

    /** A fresh NIK: the serial is unique within this JVM (wraps after 9,999 per district and date). */
    public static String unique(String districtCode, String sex, LocalDate birth) {
        return of(districtCode, sex, birth, SERIAL.getAndIncrement() % 9999 + 1);
    }
}
