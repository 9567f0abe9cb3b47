package id.lindung.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Resolves who is acting now: the signed-in web or API user, or the actor a CLI command runs as.
 */
@Component
public class CurrentActor {

    private static final ThreadLocal<Actor> RUNNING_AS = new ThreadLocal<>();

    /** The actor, or an exception if nobody is signed in. */
    public Actor get() {
        return find().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public Optional<Actor> find() {
        Actor explicit = RUNNING_AS.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LindungUser user) {
            return Optional.of(new Actor(user.username(), user.role(), user.scope(), clientAddress()));
        }
        return Optional.empty();
    }

    /** Runs {@code work} as {@code actor} on this thread (CLI commands, scheduled jobs, demo data). */
    public static <T> T runAs(Actor actor, Supplier<T> work) {
        Actor previous = RUNNING_AS.get();
        RUNNING_AS.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                RUNNING_AS.remove();
            } else {
                RUNNING_AS.set(previous);
            }
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        runAs(actor, () -> {
            work.run();
            return null;
        });
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return "local";
    }
}
