package id.lindung.claim.web;

import id.lindung.access.CurrentActor;
import id.lindung.claim.ClaimCase;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.Claims;
import id.lindung.claim.DocumentType;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What is done to an open case from its page ({@code /klaim/{id}/...}): a workflow step, a document uploaded, a
 * scholarship year paid, and the case file downloaded as PDF. Its own controller because these are the case's actions,
 * each a form whose text fields are read here and whose refusal shows the case page again with the reasons.
 */
@Controller
class ClaimCaseActionsController {

    private final Claims claims;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final id.lindung.platform.ProblemLanguage language;
    private final ClaimCaseFile caseFile;
    private final ClaimCasePage casePage;

    ClaimCaseActionsController(Claims claims, CurrentActor currentActor, MessageSource messages, ClaimCaseFile caseFile,
                               ClaimCasePage casePage, id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.claims = claims;
        this.currentActor = currentActor;
        this.messages = messages;
        this.caseFile = caseFile;
        this.casePage = casePage;
    }

    /** A workflow step from the case page's buttons. */
    @PostMapping("/klaim/{id}/status")
    String transition(@PathVariable long id, @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String reference, @RequestParam(required = false) String date,
                      @RequestParam(required = false) String amount, @RequestParam(required = false) String heir,
                      Model model, RedirectAttributes redirect, Locale locale) {
        return onCasePage(id, "claim.case.saved.transition", model, redirect, locale, () -> {
            ClaimStatus target = parse("to", to, ClaimStatus.class);
            ClaimRequests.PaymentInput payment = target == ClaimStatus.PAID
                    ? new ClaimRequests.PaymentInput(blankless(reference), date("date", date), amount("amount", amount), blankless(heir))
                    : null;
            claims.transition(id, new ClaimRequests.Transition(target, blankless(reason), payment));
        });
    }

    /** A document of the case's checklist (the module checks its size and its bytes). */
    @PostMapping("/klaim/{id}/dokumen")
    String upload(@PathVariable long id, @RequestParam(required = false) String type, @RequestParam(required = false) String child,
                  @RequestParam(required = false) String schoolYear, @RequestParam(required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect, Locale locale) {
        if (!currentActor.get().role().canChangeData()) {
            throw new AccessDeniedException("Read-only roles cannot upload claim documents");
        }
        return onCasePage(id, "claim.case.saved.document", model, redirect, locale, () -> {
            DocumentType documentType = parse("type", type, DocumentType.class);
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "REQUIRED", "Choose the file to upload");
            }
            Integer childNo = documentType.perChildAndYear() ? whole("child", child) : null;
            try (InputStream content = file.getInputStream()) {
                claims.addDocument(id, documentType, childNo, documentType.perChildAndYear() ? blankless(schoolYear) : null,
                        file.getOriginalFilename(), content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A scholarship year's payment, for the year's amount. */
    @PostMapping("/klaim/{id}/beasiswa")
    String payScholarship(@PathVariable long id, @RequestParam(required = false) String child,
                          @RequestParam(required = false) String schoolYear, @RequestParam(required = false) String reference,
                          @RequestParam(required = false) String date, @RequestParam(required = false) String amount,
                          Model model, RedirectAttributes redirect, Locale locale) {
        return onCasePage(id, "claim.case.saved.scholarship", model, redirect, locale, () -> {
            // the request's child is an int: a blank child unboxed to a NullPointerException, a 500 (claims review)
            Integer childNo = whole("child", child);
            if (childNo == null) {
                throw new InvalidInputException("child", "REQUIRED", "child (its number on the case) is required");
            }
            claims.payScholarship(id, new ClaimRequests.ScholarshipPayment(childNo, blankless(schoolYear),
                    new ClaimRequests.PaymentInput(blankless(reference), date("date", date), amount("amount", amount), null)));
        });
    }

    /** The case file: one document with everything the case page shows, page-numbered, in the page's language. */
    @GetMapping("/klaim/{id}/berkas.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        ClaimCase c = claims.get(id);
        byte[] pdf = caseFile.pdf(c, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("klaim-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    /**
     * A change from a form of the case page: back to the page with a note of what was saved, or the page again with the
     * reasons it was refused.
     */
    private String onCasePage(long id, String saved, Model model, RedirectAttributes redirect, Locale locale, Runnable change) {
        ClaimCase before = claims.get(id); // 404 outside the caller's area, before anything else
        try {
            change.run();
            redirect.addFlashAttribute("flash", saved);
            return "redirect:/klaim/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", ProblemText.of(e.problems(), messages, language, locale));
            return casePage.show(claims.get(before.id()), model);
        }
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "REQUIRED", field + " is required");
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "INVALID_VALUE", field + " '" + text + "' is not one of the list");
        }
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "INVALID_DATE", field + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** Rupiah as typed on a receipt ({@code 1.500.000}, {@code Rp 1.500.000}); more than two decimals is out of range. */
    private static BigDecimal amount(String field, String text) {
        return MoneyField.readOrThrow(field, text, "INVALID_NUMBER", "OUT_OF_RANGE");
    }

    private static Integer whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "INVALID_NUMBER", field + " '" + text + "' is not a whole number");
        }
    }
}
