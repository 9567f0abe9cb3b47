package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The content security policy (issue 12 item 7) allows scripts and styles only from Lindung's own files: a
 * template with an inline script, an on*= handler, hx-on, a javascript: link or a style attribute would break
 * under it in the browser. This finds them before a browser does.
 */
class TemplatesWithoutInlineScriptTests {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\b(?:th:)?src=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=|\\shx-on[:-]|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\s(?:th:)?style\\s*=|<style", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptHandlersOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern p : List.of(INLINE_SCRIPT, HANDLER, STYLE_ATTRIBUTE)) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        found.add(file + ": " + m.group().strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
