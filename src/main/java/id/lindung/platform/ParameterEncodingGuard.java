package id.lindung.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters the server cannot decode ({@code ?x=%FF}, a broken UTF-8 sequence in the query or
 * in a form's body) with a 400 before anything reads them: Tomcat throws {@code InvalidParameterException} at the first
 * {@code getParameter} call, wherever that is (a security filter, the language switch, a controller), and each of those
 * answered it with a 500 and a logged stack trace, the public protection check included. Under {@code /api/} the answer
 * is a problem document with code {@code PARAMETER_ENCODING_INVALID}; a page gets a short page in both languages (the
 * error page itself reads parameters, so it cannot be used). Multipart requests are left to the multipart parser and
 * the upload limits, which answer their own failures.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ParameterEncodingGuard extends OncePerRequestFilter {

    static final String CODE = "PARAMETER_ENCODING_INVALID";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                if (!(e instanceof org.apache.tomcat.util.http.InvalidParameterException)) {
                    throw e;
                }
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI() != null && request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write(ApiProblems.json(status, CODE, "A parameter is not valid percent-encoded UTF-8 (for "
                    + "example %FF); encode every parameter as UTF-8", request.getRequestURI(), ""));
        } else {
            response.setContentType("text/html");
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Permintaan tidak valid / Bad request</title></head>
                    <body style="font-family: sans-serif; margin: 1rem; max-width: 40rem">
                    <h1>Permintaan tidak valid</h1>
                    <p>Alamat atau isian formulir berisi karakter yang tidak dapat dibaca (pengodean UTF-8 rusak).
                    <a href="/">Kembali ke beranda</a>.</p>
                    <p lang="en">Bad request: the address or the form holds characters that cannot be read (broken UTF-8
                    encoding). <a href="/">Back to the start page</a>.</p>
                    </body></html>
                    """);
        }
    }
}
