package id.lindung.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running test server: bearer tokens for the API, or a browser-like
 * session with cookies and CSRF tokens for pages and forms.
 */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String bearer;

    private Http(int port, boolean cookies) {
        this.base = "http://localhost:" + port;
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            b.cookieHandler(new CookieManager());
        }
        this.client = b.build();
    }

    public static Http withToken(int port, String token) {
        Http h = new Http(port, false);
        h.bearer = token;
        return h;
    }

    public static Http anonymous(int port) {
        return new Http(port, false);
    }

    /** A browser-like session (cookies), not yet signed in. */
    public static Http browser(int port) {
        return new Http(port, true);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A GET that asks for a media type, as a browser asks for text/html. */
    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    /** A GET with one header of its own, such as {@code Accept-Language: en} for an API problem's English text. */
    public HttpResponse<String> get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    /** A GET of a file (an XLSX, a PDF) as its bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of an XLSX download, opened; anything but a 200 is an error naming the status. */
    public org.apache.poi.xssf.usermodel.XSSFWorkbook getWorkbook(String path) {
        HttpResponse<byte[]> r = getBytes(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        try {
            return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST with one more header, e.g. {@code If-Match}. */
    public HttpResponse<String> postJson(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A HEAD request: Spring MVC answers it from the GET mapping, so every rule of a GET must hold for it too. */
    public HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A body of unknown length, sent chunked as a streaming client sends it. */
    public HttpResponse<String> postStream(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, "*/*");
    }

    /** A form post that asks for a media type, as a browser asks for text/html. */
    public HttpResponse<String> postForm(String path, Map<String, String> form, String accept) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Multipart upload of one file field, with the CSRF token of the session. */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] content, String csrf) {
        Multipart form = Multipart.form().field("_csrf", csrf).file(field, fileName, "text/csv", content);
        return post(path, form.contentType(), form.body());
    }

    /** Signs in through the login form as a browser would; returns the final response of the POST. */
    public HttpResponse<String> login(String username, String password) {
        String csrf = csrfOf(get("/login").body());
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf));
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        Matcher meta = CSRF_META.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new IllegalStateException("No CSRF token in page");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
