package id.lindung.billing;

import java.time.YearMonth;

/** Where billing gets the regulation in force for a contribution month. */
public interface MonthRulesSource {

    MonthRules forMonth(YearMonth month);
}
