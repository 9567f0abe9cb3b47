package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The API explorer (Swagger UI, the navigation's "API") on a phone. Swagger UI's page has no viewport declaration, so a
 * 390 px phone laid it out 980 px wide and shrank it to a third: text of 4-5 px, which no one can read or tap. Its page
 * gets the declaration every Lindung page has; springdoc's own changes (the description's address, the CSRF header)
 * are made as before.
 */
class ApiExplorerPage extends SwaggerIndexPageTransformer {

    static final String VIEWPORT = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";

    ApiExplorerPage(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth, SwaggerWelcomeCommon welcome,
                    ObjectMapperProvider mapper) {
        super(config, oauth, welcome, mapper);
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain) throws IOException {
        String name = resource.getFilename();
        if (name == null || !name.equals("index.html") || !resource.getURL().toString().contains("/swagger-ui/")) {
            return super.transform(request, resource, chain);
        }
        String html;
        try (var in = resource.getInputStream()) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new TransformedResource(resource, withViewport(html).getBytes(StandardCharsets.UTF_8));
    }

    /** The page with the viewport declaration after its character set (once, whatever the page held). */
    static String withViewport(String html) {
        if (html.contains("name=\"viewport\"")) {
            return html;
        }
        int head = html.indexOf("<head>");
        return head < 0 ? html : html.substring(0, head + 6) + "\n    " + VIEWPORT + html.substring(head + 6);
    }
}
