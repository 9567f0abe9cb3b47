package id.lindung.cli;

import static id.lindung.cli.CommandLineTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12 item 6 from the command line: name and lifetime on issue, a list, and revocation. */
class UsersTokenCommandTests {

    @Test
    void tokensAreNamedListedAndRevokedFromTheCommandLine() {
        CommandLineTests.Run created = run("users", "create", "--username", "cli.tokens", "--password", "secret-123", "--role", "MONITOR", "--region", "62");
        assertThat(created.exit()).as(created.err()).isZero();
        CommandLineTests.Run plain = run("users", "token", "--username", "cli.tokens");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out().strip()).matches("ldg_[A-Za-z0-9_-]{40,}");
        CommandLineTests.Run named = run("users", "token", "--username", "cli.tokens", "--name", "backup script", "--days", "7");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out().strip()).matches("ldg_[A-Za-z0-9_-]{40,}");

        CommandLineTests.Run listed = run("users", "tokens", "--username", "cli.tokens");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("\"name\":\"backup script\"").contains("\"expiresAt\"").contains("\"lastUsedAt\"")
                .doesNotContain(named.out().strip());
        String id = listed.out().replaceAll("(?s).*\"id\":(\\d+),\"name\":\"backup script\".*", "$1");

        CommandLineTests.Run one = run("users", "revoke", "--username", "cli.tokens", "--token", id);
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).contains("\"revoked\":1");
        CommandLineTests.Run all = run("users", "revoke", "--username", "cli.tokens", "--all");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("\"revoked\":1");
        CommandLineTests.Run again = run("users", "revoke", "--username", "cli.tokens", "--token", id);
        assertThat(again.exit()).as("revoking a revoked token again is done already").isZero();
        assertThat(again.out()).contains("\"revoked\":0");
        CommandLineTests.Run mistyped = run("users", "revoke", "--username", "cli.tokens", "--token", "9" + id + "9");
        assertThat(mistyped.exit()).as("a token id the user does not have is a bad argument, not 'revoked 0'").isEqualTo(2);
        assertThat(mistyped.err()).contains("error: token: User 'cli.tokens' has no token 9" + id + "9");
        CommandLineTests.Run neither = run("users", "revoke", "--username", "cli.tokens");
        assertThat(neither.exit()).isEqualTo(2);
        CommandLineTests.Run tooLong = run("users", "token", "--username", "cli.tokens", "--days", "0");
        assertThat(tooLong.exit()).isEqualTo(2);
    }

}
