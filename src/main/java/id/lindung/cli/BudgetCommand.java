package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "budget", description = "Contribution budget plans per payer and year.", subcommands = BudgetCommand.Plan.class)
class BudgetCommand {

    @Command(name = "plan", description = {"Print the budget plan of a payer for a year as JSON (the object of",
            "POST /api/v1/budget-plans, with id null: nothing is stored) for the memberships the payer pays on the",
            "reference date (default: today, or 31 December of a past year). Parameters not yet published for the year",
            "are projected and named in \"projected\". Bad input (unknown payer, a year before 2015 or more than two",
            "years ahead): exit 2 with the reason."})
    static class Plan implements Callable<Integer> {
        @Option(names = "--payer", required = true, description = "Payer code: APBDES:<desa>, APBD:<code>, EMPLOYER:..., DONOR:...")
        String payer;
        @Option(names = "--year", required = true, description = "Budget year, e.g. 2027.") int year;
        @Option(names = "--reference-date", description = "Memberships of this day, YYYY-MM-DD.") String referenceDate;

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                var plan = ctx.getBean(BudgetPlans.class).preview(new PlanRequest(payer, year, referenceDate, List.of(), null),
                        Actor.system("cli"));
                System.out.println(ctx.getBean(JsonMapper.class).writeValueAsString(plan));
                return 0;
            }));
        }
    }
}
