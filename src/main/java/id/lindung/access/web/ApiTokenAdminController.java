package id.lindung.access.web;

import id.lindung.access.UserAccounts;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator's page for one user's API tokens: which exist, when they expire and were last used, and
 * revoking one or all of them (issue 12 item 6). Only ADMIN reaches /admin/** (SecurityConfiguration).
 */
@Controller
class ApiTokenAdminController {

    private final UserAccounts accounts;
    private final Clock clock;

    ApiTokenAdminController(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    String page(@RequestParam(required = false) String username, Model model) {
        model.addAttribute("username", username);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("now", id.lindung.platform.BusinessClock.wall().instant());
        if (username != null && !username.isBlank()) {
            var user = accounts.findByUsername(username);
            model.addAttribute("found", user.isPresent());
            user.ifPresent(u -> model.addAttribute("tokens", accounts.tokens(u.username())));
        }
        return "access/tokens";
    }

    @PostMapping("/admin/tokens/revoke")
    String revoke(@RequestParam String username, @RequestParam long token, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", accounts.revokeToken(username, token));
        redirect.addAttribute("username", username);
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/revoke-all")
    String revokeAll(@RequestParam String username, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", accounts.revokeAllTokens(username));
        redirect.addAttribute("username", username);
        return "redirect:/admin/tokens";
    }
}
