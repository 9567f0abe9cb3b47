package id.lindung.platform;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Indonesian by default; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Bean
    LocaleResolver localeResolver() {
        return resolver();
    }

    /** The pages' and the API's language rule: {@code ?lang=} (remembered in the cookie), the cookie, else the default. */
    private static CookieLocaleResolver resolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver("lindung-lang");
        resolver.setDefaultLocale(INDONESIAN);
        // without ?lang= or the cookie a page is Indonesian whatever the browser says; an API client is answered in the
        // language its Accept-Language asks for (English or Indonesian, else Indonesian): its error texts follow it
        resolver.setDefaultLocaleFunction(request -> ApiProblems.isApi(request) ? accepted(request) : INDONESIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // a cookie the server never wrote (<script>, a language it does not speak) reads as Indonesian, not a 500
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    /** The rule of {@link #localeResolver()}, for answers written before the dispatcher (and its interceptors) runs. */
    private static final CookieLocaleResolver BEFORE_DISPATCH = resolver();

    /**
     * The language of a request answered before any controller (a refusal of the security filters): {@code ?lang=} of
     * the address, else the language cookie, else (for the API) Accept-Language, else Indonesian; the rule every other
     * answer follows. The query string alone is read: a form body is not read to refuse it.
     */
    static Locale beforeDispatch(jakarta.servlet.http.HttpServletRequest request) {
        return asked(request).orElseGet(() -> BEFORE_DISPATCH.resolveLocale(request));
    }

    /**
     * The language the address asks for with {@code ?lang=}, read from the query string alone by the interceptor's rule
     * ({@link LanguageParameter}); empty without one or with a value that is no language of Lindung, which is ignored.
     */
    static java.util.Optional<Locale> asked(jakarta.servlet.http.HttpServletRequest request) {
        String lang = org.springframework.web.util.UriComponentsBuilder.fromUriString("?" + java.util.Objects.toString(request.getQueryString(), ""))
                .build().getQueryParams().getFirst("lang");
        if (lang != null) {
            try {
                return java.util.Optional.of(new LanguageParameter().parseLocaleValue(
                        org.springframework.web.util.UriUtils.decode(lang, java.nio.charset.StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException notOurs) {
                // another value is ignored, as the interceptor ignores it
            }
        }
        return java.util.Optional.empty();
    }

    /** The first language of the request's Accept-Language (in its order of preference) that Lindung speaks, else Indonesian. */
    static Locale accepted(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return INDONESIAN;
        }
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            String language = locales.nextElement().getLanguage();
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
            if (language.equals("id") || language.equals("in")) {
                return INDONESIAN;
            }
        }
        return INDONESIAN;
    }

    /**
     * {@code ?lang=}: {@code id} or {@code en} (any case, with or without a country) switch the language; any other
     * value is ignored and the language stays as it was, where Spring answered a value it cannot parse with a 500.
     */
    static final class LanguageParameter extends LocaleChangeInterceptor {
        LanguageParameter() {
            setParamName("lang");
            setIgnoreInvalidLocale(true);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (v.equals("id") || v.startsWith("id-") || v.equals("in")) {
                return INDONESIAN;
            }
            if (v.equals("en") || v.startsWith("en-")) {
                return Locale.ENGLISH;
            }
            throw new IllegalArgumentException("not a language of Lindung");
        }
    }

    /**
     * The locale of a request is always one the pages speak, Indonesian or English: {@code ?lang=xx} (or an old cookie)
     * falls back to Indonesian, so {@code <html lang>}, the messages and the number formats agree on it.
     */
    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
    }

    private static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver(String cookieName) {
            super(cookieName);
        }

        @Override
        public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public org.springframework.context.i18n.LocaleContext resolveLocaleContext(jakarta.servlet.http.HttpServletRequest request) {
            // read when asked, as the resolver's own is: ?lang= is applied by an interceptor after the servlet put this
            // context in LocaleContextHolder, so the request that switches the language speaks it throughout (its
            // citations, month names, controllers) with no second fix in the interceptor
            var context = (org.springframework.context.i18n.TimeZoneAwareLocaleContext) super.resolveLocaleContext(request);
            return new org.springframework.context.i18n.TimeZoneAwareLocaleContext() {
                @Override
                public Locale getLocale() {
                    return supported(context.getLocale());
                }

                @Override
                public java.util.TimeZone getTimeZone() {
                    return context.getTimeZone();
                }
            };
        }

        @Override
        public void setLocaleContext(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response,
                                     org.springframework.context.i18n.LocaleContext context) {
            super.setLocaleContext(request, response, context == null || context.getLocale() == null ? context
                    : new org.springframework.context.i18n.SimpleLocaleContext(supported(context.getLocale())));
        }
    }

    /** JSON input read strictly: see {@link StrictJson}. */
    @Bean
    tools.jackson.databind.JacksonModule strictJson() {
        return StrictJson.module();
    }

    /**
     * Request bodies read with a mapper that refuses a field the request does not have (400 {@code UNKNOWN_FIELD},
     * {@link StrictJson#forRequestBodies}); it runs after Spring Boot's own customizer (order 0) and replaces the JSON
     * converter it set, the application's mapper kept for everything else (stored JSON, the command line).
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer strictRequestBodies(
            tools.jackson.databind.json.JsonMapper application) {
        var converter = new org.springframework.http.converter.json.JacksonJsonHttpMessageConverter(StrictJson.forRequestBodies(application));
        return builder -> builder.withJsonConverter(converter);
    }

    /**
     * Keeps Spring's resource URL rewriting off page links. The webjars locator turns the resource chain on, and with it
     * a filter that offers every link a page writes ({@code @{...}}) to the static resource handlers: for the
     * {@code /**} handler that is a classpath lookup in four folders of the nested jar per link, and nothing is cached
     * for a miss. A village's worker list (50 rows, 2 links each) spent about 70 % of its CPU there (JFR, 2,000,000-worker
     * register: page p50 119 ms against 33 ms for the same list as JSON). The only links it rewrote were the two
     * version-less webjar scripts, which the resource chain still serves as written.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageParameter());
        registry.addInterceptor(new RequestParameterGuard());
        registry.addInterceptor(new PageModel("languageSwitch", LanguageSwitchAdvice::languageSwitch));
        registry.addInterceptor(new PageModel("refusal", PageRefusal::of));
    }

    /**
     * Enum query parameters ({@code ?status=approved}, {@code ?case=jkm}) in any case and with spaces around them, as the
     * lists that parse their own (bills, payers, Desa Sadar) always took them; Spring's own converter takes only the
     * exact constant and answered {@code approved} with INVALID_VALUE on the claims list alone.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new AnyCaseEnums());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class AnyCaseEnums implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            Class<?> enumType = type;
            while (enumType != null && !enumType.isEnum()) {
                enumType = enumType.getSuperclass();
            }
            Class<T> target = (Class<T>) enumType;
            // an empty value is "no filter", as Spring's converter reads it
            return text -> (T) EnumNames.parse((Class) target, text);
        }
    }
}
