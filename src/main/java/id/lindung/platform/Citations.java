package id.lindung.platform;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A regulation reference of the regulation data ({@code regulation:} of {@code regulations/*.yaml}, and the copies
 * claims stored of it) in the reader's language. The data names its regulations by their Indonesian numbers ("PP
 * 44/2015", "Pasal 29") joined by a few English words ("as amended by", "BPJS letter"); each of those comes from the
 * bundles ({@code regulation.citation.*}), so an Indonesian document reads "PP 44/2015 sebagaimana diubah dengan PP
 * 82/2019". Stored references are translated when shown, so cases decided before need no migration. Templates call it
 * as {@code ${@citations.regulation(r.regulation())}}.
 */
@Component("citations")
public class Citations {

    /** The English words of the data, each with the bundle key of its text; groups are the message's arguments. */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase("\\bas amended by\\b", "regulation.citation.amendedBy"),
            new Phrase("\\bBPJS notification\\b", "regulation.citation.bpjsNotification"),
            new Phrase("\\bBPJS letter\\b", "regulation.citation.bpjsLetter"),
            new Phrase("\\bBPJS SE\\b", "regulation.citation.bpjsCircular"),
            new Phrase("\\bKEPDIR pending\\b", "regulation.citation.directorsDecisionPending"),
            new Phrase("\\bBPJS FAQ\\b", "regulation.citation.bpjsFaq"),
            new Phrase("\\bp\\.(\\d+)", "regulation.citation.page"),
            new Phrase("\\bLindung billing convention\\b", "regulation.citation.billingConvention"),
            new Phrase("\\bmembership start per\\b", "regulation.citation.membershipStartPer"),
            new Phrase("\\bVillage practice\\b", "regulation.citation.villagePractice"),
            new Phrase("\\bnot a regulation\\b", "regulation.citation.notARegulation"),
            new Phrase("^Projection:", "regulation.citation.projection"));

    private final MessageSource messages;

    public Citations(MessageSource messages) {
        this.messages = messages;
    }

    /** The regulation in the page's language. */
    public String regulation(String regulation) {
        return regulation(regulation, LocaleContextHolder.getLocale());
    }

    /** "PP 46/2015 sebagaimana diubah dengan PP 60/2015" in Indonesian, the data's words in English. */
    public String regulation(String regulation, Locale locale) {
        if (regulation == null) {
            return null;
        }
        String text = regulation;
        for (Phrase phrase : PHRASES) {
            Matcher m = phrase.pattern().matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(messages.getMessage(phrase.key(), args, locale)));
            }
            m.appendTail(out);
            text = out.toString();
        }
        return text;
    }

    /** "PP 45/2015 Pasal 29 [S9, S25]": the regulation in the reader's language, its article and its sources. */
    public String citation(String regulation, String article, List<String> sources, Locale locale) {
        return regulation(regulation, locale) + (article == null ? "" : " " + article)
                + (sources == null || sources.isEmpty() ? "" : " " + sources);
    }

    private record Phrase(Pattern pattern, String key) {
        Phrase(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }
}
