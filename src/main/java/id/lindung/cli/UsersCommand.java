package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "users", description = "Manage users.", subcommands = {UsersCommand.Create.class, UsersCommand.Token.class,
        UsersCommand.Tokens.class, UsersCommand.Revoke.class})
class UsersCommand {

    @Command(name = "create", description = "Create a user with one role and one region scope (ID = national).")
    static class Create implements Callable<Integer> {
        @Option(names = "--username", required = true) String username;
        @Option(names = "--password", required = true, description = "At least 8 characters.") String password;
        @Option(names = "--role", required = true, description = "ADMIN, MONITOR, DPMD, VILLAGE_OPERATOR, BPJS_OFFICER or AUDITOR.")
        String role;
        @Option(names = "--region", required = true, description = "Region code of the scope, e.g. 64.02, or ID.") String region;
        @Option(names = "--name", description = "Display name.") String displayName;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                var user = ctx.getBean(UserAccounts.class).create(username, password, parsed, region, displayName, false);
                System.out.println("{\"username\":\"" + user.username() + "\",\"role\":\"" + user.role()
                        + "\",\"region\":\"" + user.scope().code() + "\"}");
                return 0;
            }));
        }
    }

    @Command(name = "token", description = "Issue a new API token for a user and print it (only the token, on stdout).")
    static class Token implements Callable<Integer> {
        @Option(names = "--username", required = true) String username;
        @Option(names = "--name", description = "What the token is for, shown by 'users tokens' (default: api).") String name;
        @Option(names = "--days", description = "Days the token stays valid (default: lindung.tokens.default-days, 90).") Integer days;

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                System.out.println(ctx.getBean(UserAccounts.class).issueToken(username, name, days).token());
                return 0;
            }));
        }
    }

    @Command(name = "tokens", description = "List a user's API tokens as JSON lines (id, name, times; never the token itself).")
    static class Tokens implements Callable<Integer> {
        @Option(names = "--username", required = true) String username;

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                for (UserAccounts.ApiToken t : ctx.getBean(UserAccounts.class).tokens(username)) {
                    System.out.println("{\"id\":" + t.id() + ",\"name\":" + json(t.name()) + ",\"createdAt\":" + json(t.createdAt())
                            + ",\"expiresAt\":" + json(t.expiresAt()) + ",\"lastUsedAt\":" + json(t.lastUsedAt())
                            + ",\"revokedAt\":" + json(t.revokedAt()) + "}");
                }
                return 0;
            }));
        }
    }

    @Command(name = "revoke", description = "Revoke one API token of a user (--token ID, see 'users tokens') or all of them (--all); "
            + "the next request with a revoked token is refused.")
    static class Revoke implements Callable<Integer> {
        @Option(names = "--username", required = true) String username;
        @picocli.CommandLine.ArgGroup(multiplicity = "1") Which which;

        static class Which {
            @Option(names = "--token", description = "The token's id.") Long token;
            @Option(names = "--all", description = "Every live token of the user.") boolean all;
        }

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                UserAccounts accounts = ctx.getBean(UserAccounts.class);
                if (!which.all && accounts.tokens(username).stream().noneMatch(t -> t.id() == which.token)) {
                    // a mistyped id revoked nothing and said so with exit 0: whoever revokes a leaked token must know it is not done
                    throw new id.lindung.platform.InvalidInputException("token", "TOKEN_UNKNOWN", "User '" + username
                            + "' has no token " + which.token + "; 'users tokens --username " + username + "' lists the ids");
                }
                int revoked = which.all ? accounts.revokeAllTokens(username) : accounts.revokeToken(username, which.token);
                System.out.println("{\"username\":" + json(username) + ",\"revoked\":" + revoked + "}");
                return 0;
            }));
        }
    }

    private static String json(Object value) {
        return value == null ? "null" : "\"" + id.lindung.platform.ApiProblems.jsonText(value.toString()) + "\"";
    }
}
