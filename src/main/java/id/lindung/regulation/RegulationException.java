package id.lindung.regulation;

import java.util.List;

/** The regulation data files are unusable; each problem names the file, the parameter and the date. */
public class RegulationException extends IllegalStateException {

    private final transient List<String> problems;

    public RegulationException(List<String> problems) {
        super("Invalid regulation data: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
