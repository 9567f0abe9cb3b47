package id.lindung.access;

import id.lindung.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their passwords and API tokens, and the sign-in lockout. */
@Service
public class UserAccounts {

    /** Failed sign-ins in a row that lock an account, and for how long. */
    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final RegionDirectory regions;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, RegionDirectory regions, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.regions = regions;
        this.clock = clock;
    }

    @Transactional
    public LindungUser create(String username, String password, Role role, String scopeCode, String displayName, boolean demo) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username", "USERNAME_INVALID",
                    "Username must be 3-64 characters: lowercase letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new InvalidInputException("password", "PASSWORD_TOO_SHORT", "Password must have at least 8 characters");
        }
        RegionScope scope;
        try {
            scope = RegionScope.of(scopeCode);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("region", "REGION_INVALID", e.getMessage());
        }
        if (!scope.isNational() && !regions.exists(scope.code())) {
            throw new InvalidInputException("region", "REGION_UNKNOWN", "Unknown region code " + scope.code());
        }
        if (role == Role.VILLAGE_OPERATOR && (scope.isNational() || scope.code().length() != 13)) {
            throw new InvalidInputException("region", "SCOPE_NOT_A_VILLAGE", "A village operator's scope must be one village code");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into app_user (username, password_hash, role, scope_code, display_name, demo)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(name, passwords.encode(password), role.name(), scope.code(), displayName, demo)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.conflict("username", "USERNAME_TAKEN", "User '" + name + "' already exists");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", name);
        after.put("role", role.name());
        after.put("scope", scope.code());
        after.put("demo", demo);
        audit.record("CREATE", "user", Long.toString(id), scope.isNational() ? null : scope.code(), null, after);
        return findByUsername(name).orElseThrow();
    }

    public Optional<LindungUser> findByUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username.trim().toLowerCase(java.util.Locale.ROOT))
                .query(this::map).optional();
    }

    public boolean exists(String username) {
        return findByUsername(username).isPresent();
    }

    public List<LindungUser> list(RegionScope scope) {
        return jdbc.sql("""
                select * from app_user
                where :national or scope_code = :code or (scope_code >= :lo and scope_code < :hi)
                order by username""")
                .param("national", scope.isNational()).param("code", scope.code())
                .param("lo", scope.lo()).param("hi", scope.hi())
                .query(this::map).list();
    }

    /** Issues a new API token for the user and returns it; only its hash is kept. */
    @Transactional
    public String issueToken(String username) {
        LindungUser user = findByUsername(username).orElseThrow(() ->
                new InvalidInputException("username", "USER_UNKNOWN", "No user '" + username + "'"));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "ldg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into api_token (user_id, token_hash) values (?, ?) returning id")
                .params(user.id(), sha256(token)).query(Long.class).single();
        audit.record("CREATE", "api_token", Long.toString(id), user.scope().isNational() ? null : user.scope().code(),
                null, Map.of("username", user.username()));
        return token;
    }

    Optional<LindungUser> findByToken(String token) {
        String hash = sha256(token);
        Optional<LindungUser> user = jdbc.sql("""
                select u.* from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and u.enabled""")
                .param(hash).query(this::map).optional();
        user.ifPresent(u -> jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                .params(Timestamp.from(clock.instant()), hash).update());
        return user;
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for a while. */
    void recordFailedLogin(String username) {
        jdbc.sql("""
                update app_user set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= :max then cast(:now as timestamptz) + make_interval(secs => :lockSeconds) else locked_until end
                where username = :username""")
                .param("now", Timestamp.from(clock.instant())).param("max", MAX_FAILED_LOGINS).param("lockSeconds", (double) LOCK_DURATION.toSeconds())
                .param("username", username.trim().toLowerCase(java.util.Locale.ROOT)).update();
    }

    void recordSuccessfulLogin(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ? and (failed_logins > 0 or locked_until is not null)")
                .param(username).update();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LindungUser map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new LindungUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), RegionScope.of(rs.getString("scope_code")),
                rs.getString("display_name"), rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(), clock.instant());
    }
}
