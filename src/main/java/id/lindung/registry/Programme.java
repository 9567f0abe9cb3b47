package id.lindung.registry;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The five BPJS Ketenagakerjaan programmes. BPU participants may hold only JKK, JKM and JHT. */
public enum Programme {
    JKK, JKM, JHT, JP, JKP;

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
