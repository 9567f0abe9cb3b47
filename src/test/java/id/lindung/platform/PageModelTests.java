package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

class PageModelTests {

    private final PageModel actor = new PageModel("actor", request -> "budi");

    @Test
    void aRenderedPageGetsTheAttribute() {
        ModelAndView page = new ModelAndView("billing/bill");
        actor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), null, page);
        assertThat(page.getModel()).containsEntry("actor", "budi");
    }

    @Test
    void aJsonAnswerHasNoModelAndGetsNothingComputed() {
        PageModel counting = new PageModel("actor", request -> {
            throw new AssertionError("computed for an answer without a view");
        });
        counting.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), null, null);
    }

    @Test
    void aRedirectGetsNothingBecauseItsModelWouldBecomeQueryParameters() {
        ModelAndView byName = new ModelAndView("redirect:/tagihan");
        ModelAndView byView = new ModelAndView(new RedirectView("/tagihan"));
        actor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), null, byName);
        actor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), null, byView);
        assertThat(byName.getModel()).doesNotContainKey("actor");
        assertThat(byView.getModel()).doesNotContainKey("actor");
    }

    @Test
    void anAttributeTheHandlerSetItselfIsKept() {
        ModelAndView page = new ModelAndView("layout");
        page.addObject("actor", "someone else");
        actor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), null, page);
        assertThat(page.getModel()).containsEntry("actor", "someone else");
    }
}
