package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "users", description = "Manage users.", subcommands = {UsersCommand.Create.class, UsersCommand.Token.class})
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

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                System.out.println(ctx.getBean(UserAccounts.class).issueToken(username));
                return 0;
            }));
        }
    }
}
