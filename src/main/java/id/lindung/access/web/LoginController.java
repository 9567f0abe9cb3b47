package id.lindung.access.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final MessageSource messages;

    LoginController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model, java.util.Locale locale) {
        Object error = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (error instanceof LockedException) {
            // the same words for a locked account, a locked unknown name and a slowed-down address (issue 12 item 5)
            model.addAttribute("lockedMessage", messages.getMessage("login.throttled", null, locale));
        }
        return "access/login";
    }
}
