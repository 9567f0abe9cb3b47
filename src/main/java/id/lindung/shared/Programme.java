package id.lindung.shared;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The five BPJS Ketenagakerjaan programmes, stored by name. BPU participants may hold only JKK, JKM and JHT. */
public enum Programme {
    /** Jaminan Kecelakaan Kerja: work accident. */
    JKK,
    /** Jaminan Kematian: death. */
    JKM,
    /** Jaminan Hari Tua: old-age savings. */
    JHT,
    /** Jaminan Pensiun: pension (wage earners only). */
    JP,
    /** Jaminan Kehilangan Pekerjaan: job loss (wage earners only, funded by recomposition). */
    JKP;

    public static final Set<Programme> FOR_BPU = EnumSet.of(JKK, JKM, JHT);

    public boolean allowedFor(Segment segment) {
        return segment == Segment.PU || FOR_BPU.contains(this);
    }

    public static Programme parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown programme '" + text + "'; expected JKK, JKM, JHT, JP or JKP");
        }
    }
}
