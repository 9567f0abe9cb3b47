package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.billing.BillingRuns;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "billing", description = "Monthly bills per payer.", subcommands = BillingCommand.Run.class)
class BillingCommand {

    @Command(name = "run", description = {"Bill every active membership for a month (idempotent: a re-run adds",
            "only corrections as reversal and adjustment lines). Prints {\"month\",\"bills\",\"lines\",\"total\"}.",
            "A month older than lindung.billing.backfill-window-months (2: this month and the previous one) or earlier",
            "than a payer's latest bill is a backfill: refused (exit 2, with the reason) unless --backfill.",
            "--dry-run prints what the run would do (bills, lines, totals, payers whose paid months would change)",
            "and writes nothing."})
    static class Run implements Callable<Integer> {
        @Option(names = "--month", required = true, description = "Contribution month, YYYY-MM.") String month;
        @Option(names = "--backfill", description = "Confirm billing a past month (payments are re-allocated oldest month first).")
        boolean backfill;
        @Option(names = "--dry-run", description = "Show what the run would do; write nothing.") boolean dryRun;

        @Override
        public Integer call() {
            YearMonth m;
            try {
                m = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--month must be YYYY-MM, got '" + month + "'");
            }
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                if (dryRun) {
                    System.out.println(JsonMapper.builder().build().writeValueAsString(
                            ctx.getBean(BillingRuns.class).dryRun(m, Actor.system("cli"))));
                    return 0;
                }
                BillingRuns.Result r = ctx.getBean(BillingRuns.class).run(m, Actor.system("cli"), backfill);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("month", r.month());
                out.put("bills", r.bills());
                out.put("lines", r.lines());
                out.put("total", r.total());
                out.put("regulationVersion", r.regulationVersion());
                System.out.println(JsonMapper.builder().build().writeValueAsString(out));
                return 0;
            }));
        }
    }
}
