package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
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
            "only corrections as reversal and adjustment lines). Prints {\"month\",\"bills\",\"lines\",\"total\"}."})
    static class Run implements Callable<Integer> {
        @Option(names = "--month", required = true, description = "Contribution month, YYYY-MM.") String month;

        @Override
        public Integer call() {
            YearMonth m;
            try {
                m = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--month must be YYYY-MM, got '" + month + "'");
            }
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                BillingRuns.Result r = ctx.getBean(BillingRuns.class).run(m, Actor.system("cli"));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("month", r.month().toString());
                out.put("bills", r.bills());
                out.put("lines", r.lines());
                out.put("total", AmountJson.summed(r.total()));
                out.put("regulationVersion", r.regulationVersion());
                System.out.println(JsonMapper.builder().build().writeValueAsString(out));
                return 0;
            }));
        }
    }
}
