package id.lindung.support;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;

/** Creates users for tests once per database and hands out their API tokens. */
public final class TestUsers {

    public static final String PASSWORD = "test-password-1";

    private TestUsers() {}

    /** The user (created if missing) with a fresh API token. */
    public static String token(UserAccounts accounts, String username, Role role, String scope) {
        return CurrentActor.runAs(Actor.system("test"), () -> {
            if (!accounts.exists(username)) {
                accounts.create(username, PASSWORD, role, scope, username, false);
            }
            return accounts.issueToken(username);
        });
    }

    /** An API client of the server on {@code port} signed in as a new user with a bearer token. */
    public static Http api(int port, UserAccounts accounts, String username, Role role, String scope) {
        return Http.withToken(port, token(accounts, username, role, scope));
    }

    /** A browser session (cookies, CSRF) of the server on {@code port}, signed in as a new user with the test password. */
    public static Http browser(int port, UserAccounts accounts, String username, Role role, String scope) {
        token(accounts, username, role, scope);
        Http b = Http.browser(port);
        b.login(username, PASSWORD);
        return b;
    }

    /** The actor of a user, for calling services directly. */
    public static Actor actor(String username, Role role, String scope) {
        return new Actor(username, role, id.lindung.access.RegionScope.of(scope), "test");
    }

}
