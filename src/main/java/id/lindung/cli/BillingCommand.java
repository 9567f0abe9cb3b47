package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.billing.BilledMonths;
import id.lindung.billing.BillingRuns;
import id.lindung.platform.AmountJson;
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
            "only corrections as reversal and adjustment lines). Prints {\"month\",\"bills\",\"lines\",\"total\",",
            "\"newLines\",\"newTotal\",\"monthLines\",\"monthTotal\",\"regulationVersion\"}: lines and total (= newLines,",
            "newTotal) are what this run added, monthLines and monthTotal what the month holds after it.",
            "A month older than lindung.billing.backfill-window-months (2: this month and the previous one) or earlier",
            "than a payer's latest bill is a backfill: refused (exit 2, with the reason) unless --backfill.",
            "--dry-run prints what the run would do (bills, lines, totals, and the payers whose months, the run's own",
            "among them, would change: paidMonthsChanged, each month paid, paid in full on, fine before and after, and its",
            "worker programme months paid on another day) and writes nothing."})
    static class Run implements Callable<Integer> {
        @Option(names = "--month", required = true, description = "Contribution month, YYYY-MM.") String month;
        @Option(names = "--backfill", description = "Confirm billing a past month (payments are re-allocated oldest month first).")
        boolean backfill;
        @Option(names = "--dry-run", description = "Show what the run would do; write nothing.") boolean dryRun;

        @Override
        public Integer call() {
            YearMonth m;
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--month must be YYYY-MM, got '" + month + "'");
            }
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                Actor cli = Actor.system("cli");
                if (dryRun) {
                    System.out.println(JsonMapper.builder().build().writeValueAsString(ctx.getBean(BillingRuns.class).dryRun(m, cli)));
                    System.err.println("note: dry run; nothing was written");
                    return 0;
                }
                ImportProgressPrinter progress = ImportProgressPrinter.forStderr();
                BillingRuns.Result r;
                try {
                    r = ctx.getBean(BillingRuns.class).run(m, cli, backfill, progress);
                } finally {
                    progress.finish();
                }
                BilledMonths.Totals month = ctx.getBean(BilledMonths.class).totals(m, cli.scope());
                System.out.println(JsonMapper.builder().build().writeValueAsString(summary(r, month)));
                if (r.lines() == 0 && month.lines() > 0) {
                    System.err.println("note: " + r.month() + " was already billed; this run added no lines. The month holds "
                            + month.lines() + " lines totalling " + month.total().toPlainString() + " (monthLines, monthTotal).");
                }
                return 0;
            }));
        }
    }

    /** {@code lines} and {@code total} keep their documented meaning (added by this run); the month's own figures beside. */
    static Map<String, Object> summary(BillingRuns.Result r, BilledMonths.Totals month) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", r.month().toString());
        out.put("bills", r.bills());
        out.put("lines", r.lines());
        out.put("total", AmountJson.summed(r.total()));
        out.put("newLines", r.lines());
        out.put("newTotal", AmountJson.summed(r.total()));
        out.put("monthLines", month.lines());
        out.put("monthTotal", month.total());
        out.put("regulationVersion", r.regulationVersion());
        return out;
    }
}
