package id.lindung.claim;

import java.util.Optional;

/**
 * What a file is, by its first bytes, never by its name or the type the client declares: PDF ({@code %PDF-}), JPEG
 * ({@code FF D8 FF}) or PNG (the 8-byte PNG signature). Anything else is refused as DOCUMENT_TYPE.
 */
final class DocumentContent {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private DocumentContent() {}

    /** The media type the bytes are, or empty when they are none of PDF, JPEG and PNG. */
    static Optional<String> sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
