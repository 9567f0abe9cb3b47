package id.lindung.regulation;

import java.util.Locale;

/** The regulation data's texts are written in English and Indonesian; a page shows its own language where there is one. */
final class Bilingual {

    private Bilingual() {}

    static String pick(Locale locale, String english, String indonesian) {
        boolean wantsIndonesian = locale == null || !"en".equals(locale.getLanguage());
        String first = wantsIndonesian ? indonesian : english;
        return first != null ? first : (wantsIndonesian ? english : indonesian);
    }
}
