package id.lindung.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.buf.MessageBytes;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses itself, before any filter of Lindung runs, is answered in Lindung's shapes, never with Tomcat's
 * own error page: an address with an encoded {@code /} or {@code \} ({@code /api/v1/workers/12%2F34}), {@code %00},
 * broken percent-encoding ({@code %ZZ}), raw bytes that are not allowed in a request line (non-ASCII, a tab,
 * {@code { | }}), a request line or header larger than the server reads. Under {@code /api/} the answer is a problem
 * document with code {@code REQUEST_REJECTED}, as the firewall's refusals (SecurityConfiguration); any other address
 * gets a short page in both languages. Neither names the server.
 * <p>
 * Tomcat keeps refusing these (an encoded {@code /} is not passed through to the firewall): nothing decoded from them
 * can reach a controller as a path separator. Spring Boot puts a plain {@link ErrorReportValve} on the host; it is
 * replaced by {@link Answer}, which only writes when nothing else did (a refusal of Lindung itself already has its body).
 */
@Component
class ServerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final String CODE = "REQUEST_REJECTED";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new Answer());
            // else the host adds a plain one of its own when it starts, which would answer first
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(Answer.class.getName());
            }
        });
    }

    /** After Spring Boot's own Tomcat customizer, which adds the valve replaced here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class Answer extends ErrorReportValve {

        Answer() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                boolean api = isApi(request);
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer out = response.getReporter();
                if (out != null) {
                    out.write(api ? problem(status, address(request)) : page(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was committed: nothing more can be said
            }
        }

        /**
         * From the address as sent: a refused one may not decode. When the request line itself was refused (a byte it
         * may not hold, too long), Tomcat kept no address, so it is read from the bytes received: the line starts the
         * buffer of the connection's input (method, a space, the address).
         */
        static boolean isApi(Request request) {
            MessageBytes uri = request.getCoyoteRequest().requestURI();
            if (uri != null && !uri.isNull() && uri.getLength() > 0) {
                return uri.toString().startsWith("/api/");
            }
            if (request.getCoyoteRequest().getInputBuffer() instanceof Http11InputBuffer input
                    && input.getHeaderByteBuffer() != null) {
                return startsWithApi(input.getHeaderByteBuffer());
            }
            return false;
        }

        /** True if the request line in the buffer (from its start, whatever was read of it) addresses {@code /api/}. */
        static boolean startsWithApi(ByteBuffer buffer) {
            int end = Math.min(buffer.limit(), 64);
            int i = 0;
            while (i < end && (buffer.get(i) == '\r' || buffer.get(i) == '\n')) {
                i++;
            }
            while (i < end && buffer.get(i) != ' ') {
                i++;
            }
            byte[] api = "/api/".getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k < api.length; k++) {
                if (i + 1 + k >= end || buffer.get(i + 1 + k) != api[k]) {
                    return false;
                }
            }
            return true;
        }

        /** The address as Tomcat kept it, or null when it kept none (a request line it refused). */
        private static String address(Request request) {
            MessageBytes uri = request.getCoyoteRequest().requestURI();
            return uri == null || uri.isNull() || uri.getLength() == 0 ? null : uri.toString();
        }

        private static String problem(int status, String instance) {
            String code = status >= 500 ? "INTERNAL_ERROR" : CODE;
            String detail = status >= 500 ? "The server could not answer the request" : "The server refused the request "
                    + "before reading it: the address has a character or sequence that is not accepted (an encoded / or \\, "
                    + "%00, broken percent-encoding, a byte that is not ASCII), or the address or a header is too long; "
                    + "percent-encode the address as UTF-8";
            return ApiProblems.json(HttpStatusCode.valueOf(status), code, detail, instance, "");
        }

        static String page(int status) {
            if (status >= 500) {
                return """
                        <!DOCTYPE html>
                        <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>Terjadi kesalahan / Something went wrong</title></head>
                        <body style="font-family: sans-serif; margin: 1rem; max-width: 40rem">
                        <h1>Terjadi kesalahan (%d)</h1>
                        <p>Server tidak dapat menjawab permintaan ini. <a href="/">Kembali ke beranda</a>.</p>
                        <p lang="en">The server could not answer this request. <a href="/">Back to the start page</a>.</p>
                        </body></html>
                        """.formatted(status);
            }
            return """
                    <!DOCTYPE html>
                    <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Permintaan tidak valid / Bad request</title></head>
                    <body style="font-family: sans-serif; margin: 1rem; max-width: 40rem">
                    <h1>Permintaan tidak valid (%d)</h1>
                    <p>Alamat yang diminta berisi karakter yang tidak diterima, atau alamat atau permintaannya terlalu panjang.
                    <a href="/">Kembali ke beranda</a>.</p>
                    <p lang="en">Bad request: the address holds a character that is not accepted, or the address or the
                    request is too long. <a href="/">Back to the start page</a>.</p>
                    </body></html>
                    """.formatted(status);
        }
    }
}
