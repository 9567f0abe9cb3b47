package id.lindung.coverage;

import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.UploadNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The signed text of a regulation as uploaded, judged by its bytes, never by its name or declared type: a PDF
 * starts with "%PDF-" (its very first bytes: readers accept it later in the first 1024, but then an HTML page with
 * "%PDF-" in a comment passed too) and ends with "%%EOF" (within its last 1024 bytes, allowing trailing white space
 * and junk some scanners append). Its name is kept as every upload's (platform.UploadNames: the last path segment,
 * FILE_NAME_INVALID for a bidirectional override) and always ends in ".pdf". Pure Java.
 */
public record LocalRegulationFile(String name, byte[] content) {

    /** The largest file the register keeps (a scanned regulation of a few dozen pages). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String PDF = ".pdf";
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRAILER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** What is wrong with the file, if anything: FILE_NAME_INVALID, FILE_EMPTY, FILE_TOO_LARGE or FILE_NOT_PDF. */
    public Optional<InputProblem> problem() {
        try {
            storedName();
        } catch (InvalidInputException e) {
            return Optional.of(e.problems().get(0));
        }
        if (content == null || content.length == 0) {
            return Optional.of(InputProblem.of("file", "FILE_EMPTY", "file is empty"));
        }
        if (content.length > MAX_BYTES) {
            return Optional.of(InputProblem.of("file", "FILE_TOO_LARGE", "file may have at most "
                    + MAX_BYTES / (1024 * 1024) + " MB"));
        }
        if (indexOf(content, HEADER, 0, Math.min(content.length, HEADER.length)) != 0
                || indexOf(content, TRAILER, Math.max(0, content.length - 1024), content.length) < 0) {
            return Optional.of(InputProblem.of("file", "FILE_NOT_PDF", "file is not a PDF document (judged by its content, "
                    + "not its name)"));
        }
        return Optional.empty();
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The name kept with the file: its last path segment, at most 200 characters, ending in ".pdf" (added when it does
     * not: "..\..\evil.html" is kept as "evil.html.pdf"), "dokumen.pdf" when none; FILE_NAME_INVALID when it holds a
     * character that cannot be kept.
     */
    public String storedName() {
        return pdfName(UploadNames.kept("file", name, 200 - PDF.length(), "dokumen.pdf"));
    }

    /**
     * The name a stored file is served under: a name kept before the rule above (an ".html", an override character)
     * is served as a PDF's name too, so a browser never treats the download as anything else.
     */
    public static String servedName(String stored) {
        try {
            return pdfName(UploadNames.kept("file", stored, 200 - PDF.length(), "dokumen.pdf"));
        } catch (InvalidInputException e) {
            return "dokumen.pdf";
        }
    }

    private static String pdfName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(PDF) ? name : name + PDF;
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        for (int i = from; i + needle.length <= to; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = data[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
