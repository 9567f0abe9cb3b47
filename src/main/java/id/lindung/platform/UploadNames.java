package id.lindung.platform;

/**
 * The name an upload is kept and shown under. A browser or client sends whatever it likes as the file name: a path
 * ("..\..\etc\daftar.csv", "C:\Users\x\daftar.csv"), control characters, quotes that would end a Content-Disposition
 * header. Only the last path segment is kept, without control characters and quotes, at most {@code max} characters
 * (its end, so the extension stays).
 */
public final class UploadNames {

    private UploadNames() {}

    public static String of(String sent, int max, String fallback) {
        String n = sent == null ? "" : sent.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            return fallback;
        }
        return n.length() > max ? n.substring(n.length() - max) : n;
    }

    /**
     * The name kept (as {@link #of}, then normalised as a one-line text), or FILE_NAME_INVALID on {@code field} when
     * it still holds a character {@link TextRules} refuses: a bidirectional override (with U+202E after "perbup",
     * "perbup?fdp.exe" shows as "perbupexe.pdf"), a private-use or unassigned character. One rule for every upload
     * that keeps its name.
     */
    public static String kept(String field, String sent, int max, String fallback) {
        String name = TextRules.normalise(of(sent, max, fallback), TextRules.Kind.LINE);
        if (TextRules.invalidCharacter(name, false)) {
            throw new InvalidInputException(field, "FILE_NAME_INVALID", "The file name holds a character that cannot be kept");
        }
        return name;
    }
}
