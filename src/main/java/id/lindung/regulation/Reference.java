package id.lindung.regulation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * Where a value comes from: the regulation, the article where known, and the ids of the public sources it was
 * read in ({@link RegulationSources}, docs/regulation-sources.md). {@code verified} is false for values those
 * sources do not settle.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reference(String parameter, String regulation, String article, List<String> sources, boolean verified,
                        String note, @JsonIgnore String noteInIndonesian) {

    public Reference {
        sources = List.copyOf(sources);
    }

    public Reference(String parameter, String regulation, String article, List<String> sources, boolean verified, String note) {
        this(parameter, regulation, article, sources, verified, note, null);
    }

    /** The note in the page's language (English {@code note}, Indonesian {@code note_id}), falling back to the other. */
    public String note(Locale locale) {
        return Bilingual.pick(locale, note, noteInIndonesian);
    }

    /** "PP 45/2015 Pasal 29 [S9, S25]". */
    public String citation() {
        return regulation + (article == null ? "" : " " + article) + (sources.isEmpty() ? "" : " " + sources);
    }
}
