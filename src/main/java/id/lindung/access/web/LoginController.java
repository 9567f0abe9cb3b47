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
    String login(HttpSession session, Model model, java.util.Locale locale,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String error) {
        // the name typed before a refused sign-in (KeptUsername), once
        Object typed = session.getAttribute(KeptUsername.ATTRIBUTE);
        session.removeAttribute(KeptUsername.ATTRIBUTE);
        if (error != null && typed instanceof String username) {
            model.addAttribute("username", username);
        }
        Object refusal = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (refusal instanceof LockedException) {
            // the same words for a locked account, a locked unknown name and a slowed-down address (issue 12 item 5)
            model.addAttribute("lockedMessage", messages.getMessage("login.throttled", null, locale));
        }
        return "access/login";
    }
}
