package id.lindung.access;

import id.lindung.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
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
    /**
     * Token lifetimes are real elapsed time, not business dates: the wall clock, never the business clock that
     * tests (and a back-dated billing run) may move.
     */
    private final Clock wallClock = id.lindung.platform.BusinessClock.wall();
    private final int defaultTokenDays;
    private final int maxTokenDays;
    private final ApiTokenCache tokenCache;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, RegionDirectory regions, Clock clock,
                 @Value("${lindung.tokens.default-days:90}") int defaultTokenDays,
                 @Value("${lindung.tokens.max-days:365}") int maxTokenDays, ApiTokenCache tokenCache) {
        this.tokenCache = tokenCache;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.regions = regions;
        this.clock = clock;
        this.defaultTokenDays = defaultTokenDays;
        this.maxTokenDays = maxTokenDays;
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

    /** A token as listed: never the token itself, which is shown once when issued. */
    public record ApiToken(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {}

    /** A token just issued: the only moment its text exists outside the client. */
    public record IssuedToken(long id, String token, String name, Instant expiresAt) {}

    /** Issues a new API token for the user, named "api" and valid for the default lifetime; only its hash is kept. */
    @Transactional
    public String issueToken(String username) {
        return issueToken(username, null, null).token();
    }

    /**
     * Issues a new API token; only its hash is kept.
     *
     * @param name what the token is for (shown in lists), "api" when null or blank
     * @param days how long it stays valid, the configured default (90) when null; 1 to the configured maximum
     */
    @Transactional
    public IssuedToken issueToken(String username, String name, Integer days) {
        LindungUser user = findByUsername(username).orElseThrow(() ->
                new InvalidInputException("username", "USER_UNKNOWN", "No user '" + username + "'"));
        int lifetime = days == null ? defaultTokenDays : days;
        if (lifetime < 1 || lifetime > maxTokenDays) {
            throw new InvalidInputException("days", "TOKEN_DAYS_INVALID",
                    "A token lives 1 to " + maxTokenDays + " days, not " + lifetime);
        }
        String label = name == null || name.isBlank() ? "api" : name.strip();
        if (label.length() > 100 || label.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "TOKEN_NAME_INVALID", "A token name has at most 100 characters and no control characters");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "ldg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = wallClock.instant().plus(Duration.ofDays(lifetime));
        long id = jdbc.sql("insert into api_token (user_id, token_hash, name, expires_at) values (?, ?, ?, ?) returning id")
                .params(user.id(), sha256(token), label, Timestamp.from(expires)).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", user.username());
        after.put("name", label);
        after.put("expiresAt", expires.toString());
        audit.record("CREATE", "api_token", Long.toString(id), user.scope().isNational() ? null : user.scope().code(), null, after);
        return new IssuedToken(id, token, label, expires);
    }

    /** The user's tokens, newest first, revoked and expired ones included. */
    public List<ApiToken> tokens(String username) {
        LindungUser user = findByUsername(username).orElseThrow(() ->
                new InvalidInputException("username", "USER_UNKNOWN", "No user '" + username + "'"));
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at, revoked_at from api_token
                where user_id = ? order by created_at desc, id desc""")
                .param(user.id())
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
                        instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes one of the user's tokens; the next request with it is refused. Returns 1, or 0 if it is not theirs or already revoked. */
    @Transactional
    public int revokeToken(String username, long tokenId) {
        return revoke(username, tokenId);
    }

    /** Revokes every live token of the user; returns how many. */
    @Transactional
    public int revokeAllTokens(String username) {
        return revoke(username, null);
    }

    private int revoke(String username, Long tokenId) {
        LindungUser user = findByUsername(username).orElseThrow(() ->
                new InvalidInputException("username", "USER_UNKNOWN", "No user '" + username + "'"));
        List<Long> ids = jdbc.sql("""
                update api_token set revoked_at = :now
                where user_id = :user and revoked_at is null and (cast(:token as bigint) is null or id = :token)
                returning id""")
                .param("now", Timestamp.from(wallClock.instant())).param("user", user.id()).param("token", tokenId)
                .query(Long.class).list();
        // this server refuses the token from now on, before the change commits and again when it has (a request that
        // read the token meanwhile must not keep it); other servers hear the database's notice (V134)
        tokenCache.clear();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            tokenCache.clear();
                        }
                    });
        }
        for (long id : ids) {
            audit.record("REVOKE", "api_token", Long.toString(id), user.scope().isNational() ? null : user.scope().code(),
                    null, Map.of("username", user.username()));
        }
        return ids.size();
    }

    /**
     * The user a token belongs to, if the token is live (not revoked, not expired, user enabled). Read from the
     * database, or from {@link ApiTokenCache} for a few seconds while no change to tokens or users was announced, so
     * a revocation takes effect on the next request. A sign-in lockout does not stop a
     * token: it guards the password, not the token.
     */
    Optional<LindungUser> findByToken(String token) {
        String hash = sha256(token);
        Optional<LindungUser> cached = tokenCache.find(hash);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = tokenCache.generation();
        Timestamp now = Timestamp.from(wallClock.instant());
        Instant[] expires = new Instant[1];
        Optional<LindungUser> user = jdbc.sql("""
                select u.*, t.expires_at token_expires_at from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled""")
                .params(hash, now).query((rs, n) -> {
                    expires[0] = instant(rs, "token_expires_at");
                    return map(rs, n);
                }).optional();
        user.ifPresent(u -> tokenCache.put(hash, u, expires[0], generation));
        // one write a minute at most per token, not one per request
        user.ifPresent(u -> jdbc.sql("""
                update api_token set last_used_at = :now
                where token_hash = :hash and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')""")
                .param("now", now).param("hash", hash).update());
        return user;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for a while. Returns 0 if there is no such account. */
    int recordFailedLogin(String username) {
        return jdbc.sql("""
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
