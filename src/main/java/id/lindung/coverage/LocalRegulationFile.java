package id.lindung.coverage;

import id.lindung.platform.InputProblem;
import id.lindung.platform.UploadNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The signed text of a regulation as uploaded, judged by its bytes, never by its name or declared type: a PDF
 * starts with "%PDF-" (within its first 1024 bytes, as readers accept) and ends with "%%EOF" (within its last 1024
 * bytes, allowing trailing white space and junk some scanners append). Pure Java.
 */
public record LocalRegulationFile(String name, byte[] content) {

    /** The largest file the register keeps (a scanned regulation of a few dozen pages). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRAILER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** What is wrong with the file, if anything: FILE_EMPTY, FILE_TOO_LARGE or FILE_NOT_PDF. */
    public Optional<InputProblem> problem() {
        if (content == null || content.length == 0) {
            return Optional.of(InputProblem.of("file", "FILE_EMPTY", "file is empty"));
        }
        if (content.length > MAX_BYTES) {
            return Optional.of(InputProblem.of("file", "FILE_TOO_LARGE", "file may have at most "
                    + MAX_BYTES / (1024 * 1024) + " MB"));
        }
        if (indexOf(content, HEADER, 0, Math.min(content.length, 1024)) < 0
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

    /** The name kept with the file: its last path segment, at most 200 characters, "dokumen.pdf" when none. */
    public String storedName() {
        return UploadNames.of(name, 200, "dokumen.pdf");
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
