package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Puts one attribute in the model of every page a handler renders (who is signed in, the language link), after the
 * handler and before the view. These were {@code @ControllerAdvice(annotations = Controller.class)} model attributes,
 * which Spring applies to every {@code @RestController} too ({@code @Controller} is on it as a meta-annotation): every
 * API request computed both, discarded them, and paid the advices' applicability checks, about 8 % of a contribution
 * quote's CPU under load (docs/benchmarks.md, "API under load"). JSON answers have no view, so nothing is added.
 */
public final class PageModel implements HandlerInterceptor {

    private final String name;
    private final Function<HttpServletRequest, Object> value;

    public PageModel(String name, Function<HttpServletRequest, Object> value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (rendersPage(view) && !view.getModelMap().containsAttribute(name)) {
            view.addObject(name, value.apply(request));
        }
    }

    /**
     * A view to render, not a redirect: a redirect's model becomes the next URL's query parameters, and the next page
     * gets its own attributes.
     */
    static boolean rendersPage(ModelAndView view) {
        if (view == null || view.getView() instanceof RedirectView) {
            return false;
        }
        String name = view.getViewName();
        return name == null || !name.startsWith("redirect:");
    }
}
