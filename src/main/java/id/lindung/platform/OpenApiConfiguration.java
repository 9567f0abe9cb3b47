package id.lindung.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /api-docs}: what Lindung is, how a client signs in (a per-user bearer token from
 * {@code users token}), and a worked example for each main request, so that a BPJS branch or a regency's IT
 * office can call the API from the description alone. Examples are attached by path here rather than as
 * annotations on the controllers, so the controllers keep only what they do.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-token";

    /** Request examples by "METHOD path"; each is JSON a client can send as it is against the demo data. */
    static final Map<String, String> EXAMPLES = Map.of(
            "POST /api/v1/quotes/contribution",
            """
            {"segment":"PU","month":"2025-04","wage":2000000,"risk":"VERY_LOW","programs":["JKK","JKM","JHT","JP"]}""",
            "POST /api/v1/quotes/benefit",
            """
            {"case":"JKM_DEATH","date":"2025-05-10","segment":"BPU","wage":1000000,"membershipStart":"2021-01-01","children":2}""",
            "POST /api/v1/workers",
            """
            {"nik":"6402031708850001","name":"Budi Santoso","sex":"L","birthDate":"1985-08-17","villageCode":"64.02.03.2007",
             "category":"PETANI","programs":["JKK","JKM"],"segment":"BPU","wage":1000000,
             "payer":"SELF:6402031708850001","startDate":"2026-01-01"}""",
            "POST /api/v1/billing/runs",
            """
            {"month":"2026-11"}""",
            "POST /api/v1/payments",
            """
            {"payer":"APBDES:64.02.03.2007","reference":"BRI-20261205-0001","date":"2026-12-05","amount":1030388,"channel":"BANK"}""");

    /**
     * Swagger UI's page with a viewport declaration, so it is readable on a phone ({@link ApiExplorerPage}). Only where
     * springdoc serves Swagger UI: a context with no web server (a command, a test of the demo data) has none of the
     * beans it takes, and failed to start with it.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
    org.springdoc.webmvc.ui.SwaggerIndexTransformer apiExplorerPage(org.springdoc.core.properties.SwaggerUiConfigProperties config,
            org.springdoc.core.properties.SwaggerUiOAuthProperties oauth, org.springdoc.webmvc.ui.SwaggerWelcomeCommon welcome,
            org.springdoc.core.providers.ObjectMapperProvider mapper) {
        return new ApiExplorerPage(config, oauth, welcome, mapper);
    }

    @Bean
    OpenAPI lindungOpenApi(@Value("${lindung.version:0.1}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Lindung API")
                        .version(version)
                        .description("""
                                Jaminan sosial ketenagakerjaan (BPJS Ketenagakerjaan) untuk pekerja desa: wilayah, registri \
                                pekerja, iuran, tagihan, pembayaran dan status perlindungan. / Social security for Indonesia's \
                                village workers: regions, worker registry, contributions, bills, payments and protection status.

                                Every call needs `Authorization: Bearer <token>`; an administrator creates one with \
                                `java -jar lindung.jar users token --username <user>`. Every answer is limited to the \
                                caller's region: a record outside it answers 404. Errors are RFC 9457 problem details \
                                (docs/api-errors.md).""")
                        .license(new License().name("Lindung licence: see NOTICE")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A per-user API token from `users token`")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer requestExamples() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            EXAMPLES.forEach((key, json) -> {
                String path = key.substring(key.indexOf(' ') + 1);
                PathItem item = openApi.getPaths().get(path);
                Operation post = item == null ? null : item.getPost();
                if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
                    return;
                }
                MediaType media = post.getRequestBody().getContent().get("application/json");
                if (media != null) {
                    media.addExamples("example", new Example().summary("Contoh / example").value(json.strip()));
                }
            });
        };
    }
}
