package id.lindung.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded database's passwords (issue 12 item 8): made at random at the first start and kept in
 * {@code <data folder>/db-credentials.properties}, readable by its owner only (mode 600). A backup of the data
 * folder carries them; losing the file locks the application out of its own database, so it is never rewritten.
 */
record DatabaseCredentials(String superuserPassword, String appPassword) {

    static final String FILE = "db-credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static synchronized DatabaseCredentials loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            Properties fresh = new Properties();
            fresh.setProperty("superuser.password", random());
            fresh.setProperty("app.password", random());
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                fresh.store(out, "Passwords of Lindung's embedded PostgreSQL. Keep this file with the data folder; mode 600.");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        String superuser = p.getProperty("superuser.password");
        String app = p.getProperty("app.password");
        if (superuser == null || app == null) {
            throw new IllegalStateException(file + " lacks superuser.password or app.password");
        }
        return new DatabaseCredentials(superuser, app);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
