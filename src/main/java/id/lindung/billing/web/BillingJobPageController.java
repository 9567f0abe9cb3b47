package id.lindung.billing.web;

import id.lindung.access.CurrentActor;
import id.lindung.billing.BillingJobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page of a billing run or a payment file running in the background: its counters live, then its result. */
@Controller
class BillingJobPageController {

    private final BillingJobs jobs;
    private final CurrentActor currentActor;

    BillingJobPageController(BillingJobs jobs, CurrentActor currentActor) {
        this.jobs = jobs;
        this.currentActor = currentActor;
    }

    @GetMapping("/proses/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.get(id, currentActor.get()));
        return "billing/job";
    }

    /** The job's counters alone, polled by its page (htmx) while it runs. */
    @GetMapping("/proses/{id}/progres")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.get(id, currentActor.get()));
        return "billing/job :: progress";
    }
}
