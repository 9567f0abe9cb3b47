package id.lindung.access.web;

/**
 * A refused sign-in goes back to the form as before ({@code /login?error}) with the name typed kept for it, so that
 * only the password is typed again (it was cleared: review of 6 December 2026). Kept in the session, not the
 * address; a name that is not one line of at most 100 characters is not kept.
 */
public final class KeptUsername extends org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler {
    /** The session attribute holding the name, read once by the sign-in page (LoginController). */
    static final String ATTRIBUTE = "lindung.login.username";

    public KeptUsername() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException exception)
            throws java.io.IOException, jakarta.servlet.ServletException {
        String username = request.getParameter("username");
        if (username != null && username.length() <= 100 && !id.lindung.platform.TextRules.invalidCharacter(username, false)) {
            request.getSession().setAttribute(ATTRIBUTE, username);
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
