package id.lindung.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size limits per endpoint (issue 12 item 9), checked before anything reads the body or signs anyone in: a
 * declared Content-Length over the limit is refused at once with 413 and code {@code UPLOAD_TOO_LARGE}
 * (RFC 9457); a chunked body is counted as it is read and refused when it passes the limit. The multipart
 * parser's own ceiling ({@code spring.servlet.multipart.max-request-size}) is the largest of these. Files larger
 * than a limit (national files) go through the command line, which has none. See docs/security.md.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadLimits extends OncePerRequestFilter {

    /**
     * One limited endpoint: its paths (API and page), the setting that sizes it, the size, and whether the command line
     * takes larger files of its kind (the worker, payment and workforce imports do; a claim's document does not).
     */
    record Limit(List<String> paths, String setting, DataSize size, java.util.regex.Pattern pattern, String code,
                 boolean commandLine) {
        Limit(List<String> paths, String setting, DataSize size, boolean commandLine) {
            this(paths, setting, size, null, "UPLOAD_TOO_LARGE", commandLine);
        }

        boolean matches(String path) {
            return paths.contains(path) || (pattern != null && pattern.matcher(path).matches());
        }
    }

    /**
     * A claim's documents (issue 13): the envelope may exceed the document limit by the multipart overhead; the claim
     * module refuses a file over the limit itself. Refused here with the claim's code, DOCUMENT_TOO_LARGE.
     */
    private static final java.util.regex.Pattern CLAIM_DOCUMENTS = java.util.regex.Pattern.compile("/api/v1/claims/[^/]+/documents|/klaim/[^/]+/dokumen");

    private final List<Limit> limits;
    private final Limit other;
    private final org.springframework.context.MessageSource messages;

    UploadLimits(@Value("${lindung.uploads.worker-import-max-size:20MB}") DataSize workers,
                 @Value("${lindung.uploads.payment-import-max-size:20MB}") DataSize payments,
                 @Value("${lindung.uploads.workforce-import-max-size:5MB}") DataSize workforce,
                 @Value("${lindung.uploads.other-max-size:4MB}") DataSize other,
                 @Value("${lindung.claims.document-max-size:10MB}") DataSize claimDocument,
                 @Value("${lindung.uploads.regulation-file-max-size:11MB}") DataSize regulationFile,
                 org.springframework.context.MessageSource messages) {
        this.limits = List.of(
                new Limit(List.of("/api/v1/imports", "/impor/pekerja"), "lindung.uploads.worker-import-max-size", workers, true),
                new Limit(List.of("/api/v1/payments/imports", "/pembayaran/impor"), "lindung.uploads.payment-import-max-size", payments, true),
                new Limit(List.of("/api/v1/workforce/imports", "/wilayah/tenaga-kerja/impor"), "lindung.uploads.workforce-import-max-size", workforce, true),
                // a regional regulation's PDF (at most 10 MB, LocalRegulationFile) with its form fields
                new Limit(List.of("/api/v1/local-regulations", "/cakupan/regulasi"), "lindung.uploads.regulation-file-max-size", regulationFile, false),
                new Limit(List.of(), "lindung.claims.document-max-size", DataSize.ofBytes(claimDocument.toBytes() + DataSize.ofKilobytes(256).toBytes()),
                        CLAIM_DOCUMENTS, "DOCUMENT_TOO_LARGE", false));
        this.other = new Limit(List.of(), "lindung.uploads.other-max-size", other, false);
        this.messages = messages;
    }

    Limit limitFor(String path) {
        for (Limit limit : limits) {
            if (limit.matches(path)) {
                return limit;
            }
        }
        return other;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        long max = limit.size().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            chain.doFilter(new Counted(request, limit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The refusal in the request's language (written before any controller runs: {@code ?lang=}, the cookie, else
     * {@code Accept-Language}), naming the size and the setting; the command line is named only for the imports it
     * takes, so a claim's document is not sent to a command that has none.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, Limit limit) throws IOException {
        response.setHeader("Connection", "close");
        String detail = messages.getMessage(limit.commandLine() ? "upload.tooLarge.commandLine" : "upload.tooLarge",
                new Object[] {String.valueOf(limit.size().toMegabytes()), limit.setting()}, WebConfiguration.beforeDispatch(request));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiProblems.json(HttpStatus.CONTENT_TOO_LARGE, limit.code(), detail, request.getRequestURI(),
                    "\"limit\":" + limit.size().toBytes()));
        } else {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), detail);
        }
    }

    /** Thrown while reading a chunked body that passes its endpoint's limit; answered 413 by ApiExceptionHandler. */
    public static final class TooLargeException extends RuntimeException {
        private final transient Limit limit;

        TooLargeException(Limit limit) {
            super("The upload is larger than " + limit.size().toMegabytes() + " MB, the limit for this endpoint (setting "
                    + limit.setting() + ")");
            this.limit = limit;
        }

        public long limitBytes() {
            return limit.size().toBytes();
        }
    }

    /**
     * The request attribute holding the {@link TooLargeException} a chunked body met. A JSON parser that reads the body
     * wraps what its stream throws (Jackson reported "note has the wrong type" for the field it was reading), so the
     * error handlers look here first.
     */
    public static final String TOO_LARGE = UploadLimits.class.getName() + ".tooLarge";

    /** The refusal a chunked body of {@code request} met while it was read, if it met one. */
    public static java.util.Optional<TooLargeException> refused(HttpServletRequest request) {
        return request.getAttribute(TOO_LARGE) instanceof TooLargeException e ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    /**
     * A request whose body stream fails once more bytes than the limit have been read. A multipart body is read by the
     * servlet container's own parser, not through this stream: its parts (on disk, never in memory) are measured once
     * parsed, and refused together when they pass the limit.
     */
    private static final class Counted extends HttpServletRequestWrapper {
        private final Limit limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        private TooLargeException tooLarge() {
            TooLargeException e = new TooLargeException(limit);
            setAttribute(TOO_LARGE, e);
            return e;
        }

        @Override
        public java.util.Collection<jakarta.servlet.http.Part> getParts() throws IOException, ServletException {
            java.util.Collection<jakarta.servlet.http.Part> parts = super.getParts();
            long size = 0;
            for (jakarta.servlet.http.Part part : parts) {
                size += part.getSize();
            }
            if (size > limit.size().toBytes()) {
                for (jakarta.servlet.http.Part part : parts) {
                    part.delete();
                }
                throw tooLarge();
            }
            return parts;
        }

        @Override
        public jakarta.servlet.http.Part getPart(String name) throws IOException, ServletException {
            getParts();
            return super.getPart(name);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                long max = limit.size().toBytes();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > max) {
                            throw tooLarge();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
