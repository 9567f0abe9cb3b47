package id.lindung.shared;

import java.util.regex.Pattern;

/**
 * Identity digits hidden in free text for roles that see NIKs masked: a run of digits keeps its first 6 (the district
 * of the NIK) and last 2, the rest become {@code *}, as a masked NIK looks everywhere ({@code 640203********01}).
 */
public final class MaskedText {

    private MaskedText() {}

    /** Masks every run of {@code minDigits} to {@code maxDigits} digits (not part of a longer run) in {@code text}. */
    public static String digitRuns(String text, int minDigits, int maxDigits) {
        if (text == null) {
            return null;
        }
        Pattern run = Pattern.compile("(?<![0-9])([0-9]{6})([0-9]{" + (minDigits - 8) + "," + (maxDigits == Integer.MAX_VALUE ? ""
                : String.valueOf(maxDigits - 8)) + "})([0-9]{2})(?![0-9])");
        var m = run.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
        }
        m.appendTail(out);
        return out.toString();
    }
}
