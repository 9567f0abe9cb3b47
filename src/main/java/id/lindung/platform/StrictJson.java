package id.lindung.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON input read as written (issue 12, bad input). Jackson trims the text of an enum or a date before reading it,
 * so {@code "PU\u0000"} was read as {@code PU} and {@code "2026-01\u0000"} as January: a value of an enumeration or
 * of {@code java.time} holding a control character is refused ({@code INVALID_CHARACTER}, {@link ControlCharacter}),
 * and an enumeration's value with blanks around it is not its name ({@code INVALID_VALUE}). Numbers for enumerations
 * ({@code "segment":0}) and other spellings of a name are refused by the settings in application.properties
 * ({@code spring.jackson.datatype.enum.fail-on-numbers-for-enums}, {@code spring.jackson.mapper.accept-case-insensitive-enums}).
 * Plain text fields are left to their rules ({@link TextRules}), which name their own codes.
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
