package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OpenApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private JsonNode description() throws Exception {
        var response = Http.anonymous(port).get("/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void theDescriptionNamesTheProductAndTheBearerSignIn() throws Exception {
        JsonNode api = description();
        assertThat(api.at("/info/title").asText()).isEqualTo("Lindung API");
        assertThat(api.at("/info/version").asText()).isNotBlank();
        assertThat(api.at("/info/description").asText()).contains("Bearer");
        assertThat(api.at("/components/securitySchemes/" + OpenApiConfiguration.BEARER + "/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/security/0").has(OpenApiConfiguration.BEARER)).isTrue();
    }

    @Test
    void everyMainRequestHasAnExampleOnItsRealPath() throws Exception {
        JsonNode api = description();
        for (String key : OpenApiConfiguration.EXAMPLES.keySet()) {
            String path = key.substring(key.indexOf(' ') + 1).replace("/", "~1");
            JsonNode example = api.at("/paths/" + path + "/post/requestBody/content/application~1json/examples/example/value");
            assertThat(example.isMissingNode()).as("example for %s", key).isFalse();
        }
    }

    @Test
    void theQuoteExamplesAreAcceptedAsTheyStand() throws Exception {
        Http api = Http.withToken(port, TestUsers.token(accounts, "openapi-examples", Role.ADMIN, "ID"));
        for (String key : new String[] {"POST /api/v1/quotes/contribution", "POST /api/v1/quotes/benefit"}) {
            var response = api.postJson(key.substring(5), OpenApiConfiguration.EXAMPLES.get(key));
            assertThat(response.statusCode()).as("%s answered %s", key, response.body()).isEqualTo(200);
        }
    }
}
