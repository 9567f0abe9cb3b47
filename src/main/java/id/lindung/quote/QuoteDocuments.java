package id.lindung.quote;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.lindung.regulation.Reference;
import id.lindung.shared.Rejection;
import id.lindung.shared.Rupiah;
import java.util.List;

/** The JSON documents of the quote contract (amounts are numbers in rupiah). */
public final class QuoteDocuments {

    private QuoteDocuments() {}

    /** @param warnings what the quote was computed with but looks wrong (a PU wage far below any usual wage), by code */
    public record Contribution(String segment, String month, List<Line> lines, Rupiah employerTotal, Rupiah workerTotal,
                               Rupiah total, String regulationVersion, List<String> unverified,
                               List<id.lindung.platform.InputProblem> warnings)
            implements id.lindung.platform.Warned<Contribution> {

        @Override
        public Contribution withWarnings(List<id.lindung.platform.InputProblem> warnings) {
            return new Contribution(segment, month, lines, employerTotal, workerTotal, total, regulationVersion, unverified, warnings);
        }
    }

    public record Line(String program, Rupiah base, Rupiah employer, Rupiah worker, Rupiah total, List<Reference> references,
                       boolean informative) {}

    public record Benefit(@JsonProperty("case") String benefitCase, String date, boolean eligible, List<Component> components,
                          List<Rejection> rejections, Rupiah total, List<String> unverified) {}

    public record Component(String code, Rupiah amount, List<Reference> references) {}
}
