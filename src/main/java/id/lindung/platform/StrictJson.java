package id.lindung.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import java.util.Collection;
import java.util.Locale;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON input read as written (issue 12, bad input). Jackson trims the text of an enum or a date before reading it,
 * so {@code "PU\u0000"} was read as {@code PU} and {@code "2026-01\u0000"} as January: a value of an enumeration or
 * of {@code java.time} holding a control character is refused ({@code INVALID_CHARACTER}, {@link ControlCharacter}),
 * and an enumeration's value with blanks around it is not its name ({@code INVALID_VALUE}). Numbers for enumerations
 * ({@code "segment":0}) and other spellings of a name are refused by the settings in application.properties
 * ({@code spring.jackson.datatype.enum.fail-on-numbers-for-enums}, {@code spring.jackson.mapper.accept-case-insensitive-enums}).
 * Plain text fields are left to their rules ({@link TextRules}), which name their own codes.
 *
 * <p>A request body under {@code /api/v1} holds only the fields its endpoint reads: a field the request does not have
 * ({@code "membership"}, {@code "program"} for {@code "programs"}, a typo inside a cohort) is refused with 400
 * {@code UNKNOWN_FIELD} and the nearest known name, never dropped while the rest is recorded ({@link #forRequestBodies},
 * docs/api-errors.md "Unknown fields"). Spring Boot reads unknown fields silently by default; stored JSON the application
 * reads back (a claim's request, a plan's figures) keeps that leniency, so an old row never stops being readable.
 */
public final class StrictJson {

    private StrictJson() {}

    /** The module Spring adds to the application's {@code JsonMapper} (a bean of {@link WebConfiguration}). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("lindung-strict-json");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                               BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new Guard(deserializer, true);
            }

            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> raw = description.getType().getRawClass();
                return "java.time".equals(raw.getPackageName()) ? new Guard(deserializer, false) : deserializer;
            }
        });
        return module;
    }

    /**
     * The mapper request bodies are read with ({@link WebConfiguration}): the application's own, with its modules and
     * settings, that also refuses a field the body's type does not have. A field a request type ignores on purpose (a
     * read-only field of the representation a client sends back, {@code @JsonIgnoreProperties}) is still not refused.
     */
    public static JsonMapper forRequestBodies(JsonMapper application) {
        // a field written twice ({"wage":1000000,"wage":5000000}) is refused too, never read as its last value
        return application.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * The known field a client most likely meant by {@code unknown}, or null: one written the same but for case, {@code _}
     * and {@code -} ({@code Memberships}, {@code birth_date} for {@code birthDate}), else one the unknown name begins, from
     * four letters ({@code risk} for {@code riskGroup}, the quotes' and the worker file's name for it, not {@code nik} two
     * edits away), else the nearest within two edits ({@code membership}, {@code programme} for {@code programs}; of
     * equally near ones the first in the type's order).
     */
    public static String suggestion(String unknown, Collection<?> known) {
        if (unknown == null || known == null) {
            return null;
        }
        String plain = plain(unknown);
        String begun = null;
        for (Object k : known) {
            String name = String.valueOf(k);
            if (plain(name).equals(plain)) {
                return name;
            }
            if (begun == null && plain.length() >= 4 && plain(name).startsWith(plain)) {
                begun = name;
            }
        }
        if (begun != null) {
            return begun;
        }
        String best = null;
        int bestDistance = 3;
        for (Object k : known) {
            String name = String.valueOf(k);
            int distance = distance(unknown.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Edits (insert, delete, replace, swap two neighbours) from a to b; {@code bound} or more once that many are needed. */
    static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) >= bound) {
            return bound;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return Math.min(d[a.length()][b.length()], bound);
    }

    /** A control character (a NUL, a line break) in a value that is not free text: {@code INVALID_CHARACTER}. */
    public static final class ControlCharacter extends InvalidFormatException {
        ControlCharacter(JsonParser parser, String value, Class<?> type) {
            super(parser, "A " + type.getSimpleName() + " value holds a control or invisible character", value, type);
        }
    }

    /** Checks the text of a value before the deserializer it wraps reads (and trims) it. */
    private static final class Guard extends DelegatingDeserializer {

        private final boolean enumeration;

        Guard(ValueDeserializer<?> delegate, boolean enumeration) {
            super(delegate);
            this.enumeration = enumeration;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Guard(delegate, enumeration);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getString();
                if (TextRules.invalidCharacter(text, false)) {
                    throw new ControlCharacter(p, text, handledType());
                }
                if (enumeration && !text.equals(text.strip())) {
                    throw InvalidFormatException.from(p, "Not the exact name of a value of " + handledType().getSimpleName(),
                            text, handledType());
                }
            }
            return super.deserialize(p, ctxt);
        }
    }
}
