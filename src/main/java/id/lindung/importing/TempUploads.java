package id.lindung.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

/** An upload copied to a temporary file for as long as it is read: the readers detect the format and seek in a file. */
final class TempUploads {

    private TempUploads() {}

    static <T> T read(InputStream content, String prefix, Function<Path, T> use) {
        Path temp = null;
        try {
            temp = Files.createTempFile(prefix, ".upload");
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            return use.apply(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
