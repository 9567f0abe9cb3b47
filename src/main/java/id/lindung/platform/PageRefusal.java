package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Why a page request was refused, for the error page to say instead of "something went wrong, try again": a request
 * that is refused as a whole (a month of year +999999999, a parameter that is not a date, an address the firewall does
 * not accept) would be refused again however often it is tried. Set on the request before {@code sendError}; the
 * error page reads it from its model ({@link PageModel} "refusal", registered in {@link WebConfiguration}).
 *
 * @param kind     what was refused
 * @param problems each value refused, with its field and code (empty for {@link Kind#ADDRESS})
 */
public record PageRefusal(Kind kind, List<InputProblem> problems) {

    static final String ATTRIBUTE = PageRefusal.class.getName();

    /** What was refused, and so what the page says. */
    public enum Kind {
        /** A value of the request (a parameter, a form field) that no retry makes acceptable. */
        INPUT,
        /** The address itself: an encoded {@code %}, {@code /} or {@code \}, a {@code ..} or {@code //} segment. */
        ADDRESS
    }

    public PageRefusal {
        problems = List.copyOf(problems);
    }

    /** Records why {@code request} is refused; the error page of the same request shows it. */
    public static void record(HttpServletRequest request, Kind kind, List<InputProblem> problems) {
        request.setAttribute(ATTRIBUTE, new PageRefusal(kind, problems));
    }

    static Object of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE);
    }

    public boolean address() {
        return kind == Kind.ADDRESS;
    }
}
