package id.lindung.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins so that guessing a password locks the password sign-in for a while: an account's in
 * its row, a name that is no account in {@link LoginThrottle} (so both answer alike), and every failure against
 * its source address.
 */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final LoginThrottle throttle;

    LoginAttempts(UserAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            throttle.failedFrom(details.getRemoteAddress());
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            String name = String.valueOf(event.getAuthentication().getName());
            if (accounts.recordFailedLogin(name) == 0) {
                throttle.failedForUnknownName(name);
            }
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LindungUser user) {
            accounts.recordSuccessfulLogin(user.username());
        }
    }
}
