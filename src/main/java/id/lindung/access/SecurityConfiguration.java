package id.lindung.access;

import id.lindung.platform.PageRefusal;
import id.lindung.platform.ProblemLanguage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in for people (form, session, CSRF) and for API clients (per-user bearer tokens). Which data a
 * user sees is decided in each module's SQL from the user's {@link RegionScope}; this class only
 * decides who is signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };
    /**
     * The endpoints that take a file, API and page form. Each is here so that a read-only role is refused before the body
     * is read or its type looked at: the claim document and named-list uploads were missing, and MONITOR and AUDITOR got
     * 415 for a body of the wrong type there where every other upload answered 403.
     */
    static final String[] UPLOADS = {"/api/v1/imports", "/api/v1/workforce/imports", "/api/v1/payments/imports",
            "/impor/pekerja", "/wilayah/tenaga-kerja/impor", "/pembayaran/impor",
            "/api/v1/local-regulations", "/cakupan/regulasi",
            "/api/v1/claims/*/documents", "/klaim/*/dokumen", "/api/v1/budget-plans/*/named-list", "/anggaran/*/daftar-nama"};
    /**
     * The API writes a read-only role may make: they compute or export and change nothing (quotes, the what-if, the
     * prioritisation preview, a worker export). Every other write under /api/v1 is refused to MONITOR and AUDITOR by
     * address, before its body is read, so they get 403 whatever they send: a JSON write sent as plain text answered them
     * 415, from the body's type, before their role was looked at (review of 7 December 2026). The access matrix
     * (src/test/resources/access-matrix.tsv) holds the same list; a test checks the two agree.
     */
    static final String[] READ_ONLY_API_WRITES = {"/api/v1/quotes/**", "/api/v1/what-if", "/api/v1/budget-plans/*/prioritise",
            "/api/v1/workers/export.*"};
    /** The audit trail's addresses (API, page, download) and the roles that read it ({@link Role#canReadAudit()}). */
    static final String[] AUDIT_TRAIL = {"/api/v1/audit", "/audit", "/audit/ekspor"};
    static final String[] AUDIT_READERS = java.util.Arrays.stream(Role.values()).filter(Role::canReadAudit).map(Role::name)
            .toArray(String[]::new);
    static final String[] WRITERS = java.util.Arrays.stream(Role.values()).filter(Role::canChangeData).map(Role::name)
            .toArray(String[]::new);
    /**
     * Scripts, styles, images and connections only from Lindung itself (htmx and Chart.js come from the webjars);
     * no inline script or style, no plugins, no framing, forms only to Lindung. data: images are for the API
     * explorer's icons.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=(), browsing-topics=()";
    /** Swagger UI's bundle injects its styles as an inline style element: allowed there and nowhere else. */
    static final String API_EXPLORER_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    private static final String[] API_EXPLORER = {"/api-docs/ui", "/api-docs/ui/**", "/api-docs/swagger-ui/**", "/swagger-ui/**",
            "/swagger-ui.html", "/api-docs/swagger-config"};
    private static final RequestMatcher API_EXPLORER_PAGES = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api-docs/ui") || path.startsWith("/api-docs/swagger-ui") || path.startsWith("/swagger-ui");
    };
    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    /**
     * A script's request to a page address: an API token, and no wish for HTML. Its refusal is the API's problem with a
     * code, as docs/api-errors.md says of every error of such a request (Spring Boot's own error JSON answered it).
     */
    private static final RequestMatcher TOKEN_WITHOUT_HTML = request -> {
        String auth = request.getHeader("Authorization");
        String accept = request.getHeader("Accept");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && (accept == null || !accept.contains("text/html"));
    };
    /**
     * An API request from no signed-in session. A forged request rides on the victim's signed-in session; without one
     * it can do nothing a request without credentials cannot, so the CSRF check has nothing to protect and sign-in
     * decides: the API's 401. (The CSRF filter answered 403 "Could not verify the provided CSRF token" to a client that
     * had sent no credentials at all.) A signed-in browser's API write still needs its token.
     */
    private static final RequestMatcher API_WITHOUT_SIGNED_IN_SESSION = request -> {
        if (!API.matches(request)) {
            return false;
        }
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        return session == null || session.getAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null;
    };

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /**
     * No Spring Security observations: with an ObservationRegistry present, Spring Security wraps every filter of
     * every chain in an observation (before and after each filter, a timer per filter) and observes each
     * authorization. Profiled under load (docs/benchmarks.md, "API under load", branch h-api2) this was about a sixth
     * of a request's CPU; nothing reads those metrics. The request itself is still timed (http.server.requests).
     */
    /**
     * The firewall's refusal of an address (an encoded {@code %}, {@code /} or {@code \\}, a {@code ..}): under
     * {@code /api/} the API's problem document like every other 400; a page keeps the 400 error page.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        var pages = new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            String path = request.getRequestURI();
            if (path != null && path.startsWith("/api/")) {
                problem(request, response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "The address has a character or sequence that is "
                        + "not accepted (an encoded %, / or \\, a '..' segment, a control character); send it unencoded or as a parameter");
            } else {
                PageRefusal.record(request, PageRefusal.Kind.ADDRESS, List.of());
                pages.handle(request, response, rejected);
            }
        };
    }

    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * API requests that carry a bearer token: stateless. The token is the only credential such a request can use
     * (BearerTokenFilter answers 401 to a wrong one, never falls back to the session), so there is no session to
     * read or write, no CSRF token (a forged request cannot carry the token; the main chain ignored CSRF for bearer
     * requests already), no saved request and no form sign-in or sign-out. The URL rules, security headers, error
     * answers and the refusal audit are the main chain's, built by the same methods. A browser's own calls to the
     * API (downloads, forms, with its session cookie and no bearer header) still go through the main chain.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiTokenFilterChain(HttpSecurity http, UserAccounts accounts, AuditLog audit, CurrentActor actors,
                                            ProblemLanguage language, @Value("${lindung.api-docs.ui-public:false}") boolean apiExplorerPublic) throws Exception {
        http.securityMatcher(request -> API.matches(request) && BEARER.matches(request))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new org.springframework.security.web.savedrequest.NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable());
        authorization(http, apiExplorerPublic);
        headers(http);
        errors(http, language);
        http.addFilterBefore(new BearerTokenFilter(accounts, language), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new DeniedRequestAudit(audit, actors), org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccounts accounts, LoginThrottle throttle, AuditLog audit,
                                            CurrentActor actors, ProblemLanguage language,
                                            @Value("${lindung.api-docs.ui-public:false}") boolean apiExplorerPublic) throws Exception {
        authorization(http, apiExplorerPublic);
        http.formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()).failureHandler(new id.lindung.access.web.KeptUsername())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // the public check's JSON API is for anonymous clients, which hold no session a forged request could use
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER, API_WITHOUT_SIGNED_IN_SESSION,
                        org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/api/v1/public/protection")));
        headers(http);
        errors(http, language);
        http.addFilterBefore(new BearerTokenFilter(accounts, language), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new DeniedRequestAudit(audit, actors), org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return http.build();
    }

    /** Who may request what, the same in both chains. */
    private static void authorization(HttpSecurity http, boolean apiExplorerPublic) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // the API explorer is for signed-in users unless a setting opens it (issue 12 item 7);
                // the machine-readable description at /api-docs stays public, as before
                .requestMatchers(API_EXPLORER).access((a, ctx) -> new org.springframework.security.authorization.AuthorizationDecision(
                        apiExplorerPublic || (a.get() != null && a.get().isAuthenticated()
                                && !(a.get() instanceof org.springframework.security.authentication.AnonymousAuthenticationToken))))
                .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                        "/actuator/health/**", "/api-docs", "/api-docs/**", "/public/**",
                        "/api/v1/public/**", "/error").permitAll()
                .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMIN")
                // the audit trail is refused to other roles by address, before its parameters are read: a DPMD's
                // ?from=xx answered 400, telling a role that may not read the trail how to ask it (AuditTrail checks again)
                // (every method: HEAD is answered by the GET mapping, and answered 400 for ?from=xx when only GET was matched)
                .requestMatchers(AUDIT_TRAIL).hasAnyRole(AUDIT_READERS)
                // uploads: a read-only role is refused (403) before its body is read, whatever it sent
                .requestMatchers(org.springframework.http.HttpMethod.POST, UPLOADS).hasAnyRole(WRITERS)
                // every other API write is for the roles that change data, the read-only ones' few excepted
                .requestMatchers(org.springframework.http.HttpMethod.POST, READ_ONLY_API_WRITES).authenticated()
                .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/**").hasAnyRole(WRITERS)
                .requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/v1/**").hasAnyRole(WRITERS)
                .requestMatchers(org.springframework.http.HttpMethod.PATCH, "/api/v1/**").hasAnyRole(WRITERS)
                .requestMatchers(org.springframework.http.HttpMethod.DELETE, "/api/v1/**").hasAnyRole(WRITERS)
                .anyRequest().authenticated());
    }

    /** The security headers of every answer, the same in both chains. */
    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_EXPLORER_PAGES),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_EXPLORER_PAGES,
                        new StaticHeadersWriter("Content-Security-Policy", API_EXPLORER_POLICY)))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                // sent only on a secure request: HTTPS to Tomcat, or X-Forwarded-Proto: https from a trusted proxy
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
    }

    /**
     * Refusals before any controller: the API's problem JSON under /api/, the sign-in page and 403 page elsewhere. The
     * problem's detail follows the language rule of every other problem (Indonesian unless English is asked for;
     * docs/api-errors.md, "Language"): Spring Security's own "Access Denied" was answered in English to everyone.
     */
    private static void errors(HttpSecurity http, ProblemLanguage language) throws Exception {
        http.exceptionHandling(ex -> ex
                // registered before the sign-in page's own entry point (added when the chain is built), so it is asked first
                .defaultAuthenticationEntryPointFor(new SignInInLanguage(), SignInInLanguage.ASKED)
                .defaultAuthenticationEntryPointFor((request, response, e) -> problem(request, response, HttpStatus.UNAUTHORIZED,
                        "UNAUTHENTICATED", language.inLanguage("UNAUTHENTICATED",
                                "Sign in, or send an API token: Authorization: Bearer <token>", request)), API)
                .defaultAccessDeniedHandlerFor((request, response, e) -> problem(request, response, HttpStatus.FORBIDDEN,
                        "FORBIDDEN", language.inLanguage("FORBIDDEN", e instanceof org.springframework.security.web.csrf.CsrfException
                                // a signed-in session's form sent without its token (the API explorer's "Try it out"): no role is refused
                                ? "The security token of the form is missing or has expired: reload the page and send it again"
                                : refusedRole(), request)),
                        new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        API, TOKEN_WITHOUT_HTML))
                // a page refused to a signed-in user is the 403 page in the user's language (error.html), not
                // the API's JSON: with only the API handler registered, Spring Security used it for pages too
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
    }

    /** The English sentence of a refusal by address: the caller's role named when it has one ("Role AUDITOR may not do this"). */
    private static String refusedRole() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        List<String> roles = auth == null ? List.of() : auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return roles.size() == 1 ? "Role " + roles.get(0) + " may not do this" : "Your role may not do this";
    }

    /**
     * Where a sign-in lands when it was not sent to sign in from another page: the coverage dashboard for the roles
     * that monitor (district offices, monitors, BPJS branches; issue 14), the home page for the others.
     */
    static final class LandingPage extends org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler {
        static final java.util.Set<String> DASHBOARD_ROLES = java.util.Set.of("ROLE_DPMD", "ROLE_MONITOR", "ROLE_BPJS_OFFICER");

        LandingPage() {
            setDefaultTargetUrl("/");
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication) {
            boolean monitors = authentication.getAuthorities().stream().anyMatch(a -> DASHBOARD_ROLES.contains(a.getAuthority()));
            return monitors ? "/cakupan" : super.determineTargetUrl(request, response, authentication);
        }
    }

    /**
     * The API's error shape (RFC 9457, docs/api-errors.md) for refusals made before any controller runs. The
     * detail is a sentence of ours or of Spring Security's: escaping backslashes and quotes keeps it valid JSON.
     */
    static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(id.lindung.platform.ApiProblems.json(status, code, detail, request.getRequestURI(), ""));
    }

    /**
     * Refuses a form sign-in before any password is checked when its address is slowed down or its name, not
     * being an account, is locked as an account would be; the refusal is the same LockedException and the same
     * redirect a locked account gets, so nothing tells the two apart.
     */
    static final class LoginThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        LoginThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod())
                    && request.getRequestURI().equals(request.getContextPath() + "/login")
                    && throttle.refuses(request.getRemoteAddr(), request.getParameter("username"))) {
                request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                        new LockedException("Too many failed sign-ins; try again later"));
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Authenticates "Authorization: Bearer &lt;token&gt;" requests; a wrong token is a 401, never a fallback. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final UserAccounts accounts;
        private final ProblemLanguage language;

        BearerTokenFilter(UserAccounts accounts, ProblemLanguage language) {
            this.accounts = accounts;
            this.language = language;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (BEARER.matches(request)) {
                String token = request.getHeader("Authorization").substring(7).trim();
                // a locked password sign-in does not stop the token (issue 12 item 5): the lock guards the password
                var user = accounts.findByToken(token);
                if (user.isEmpty()) {
                    problem(request, response, HttpStatus.UNAUTHORIZED, "TOKEN_INVALID",
                            language.inLanguage("TOKEN_INVALID", "Invalid or revoked API token", request));
                    return;
                }
                var auth = UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
