package id.lindung.claim.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.Role;
import id.lindung.claim.ClaimCase;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.DocumentType;
import id.lindung.registry.Workers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a case's page shows and to whom: the model behind {@code claim/case}, with the workflow steps and notes the
 * reader's role allows and the case's reasons written out. Its own class because two controllers render the page, the
 * one that shows it and the one whose refused changes show it again with their problems.
 */
@Component
class ClaimCasePage {

    private final Workers workers;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final Clock clock;

    ClaimCasePage(Workers workers, CurrentActor currentActor, MessageSource messages, Clock clock) {
        this.workers = workers;
        this.currentActor = currentActor;
        this.messages = messages;
        this.clock = clock;
    }

    /** Fills the model of the case page for the current reader; returns the page's view. */
    String show(ClaimCase c, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("c", c);
        model.addAttribute("villageName", villageName(c.region()));
        model.addAttribute("today", LocalDate.now(clock));
        Set<ClaimStatus> steps = transitions(c, actor);
        model.addAttribute("transitions", steps.stream().map(Enum::name).toList());
        model.addAttribute("transitionNote", transitionNote(c, actor));
        model.addAttribute("canUpload", actor.role().canChangeData() && c.status() != ClaimStatus.REJECTED);
        model.addAttribute("canDownload", PersonalData.seesFull(actor));
        model.addAttribute("canPayScholarship", actor.role() == Role.BPJS_OFFICER);
        model.addAttribute("documentTypes", documentTypes(c));
        model.addAttribute("reasonTexts", reasonTexts(c, messages, LocaleContextHolder.getLocale()));
        return "claim/case";
    }

    /**
     * The steps this reader may take from here: a BPJS officer's, never an approval of a case they opened
     * (maker-checker); nothing for the other roles, which only read the workflow.
     */
    static Set<ClaimStatus> transitions(ClaimCase c, Actor actor) {
        if (actor.role() != Role.BPJS_OFFICER) {
            return Set.of();
        }
        Set<ClaimStatus> next = EnumSet.noneOf(ClaimStatus.class);
        next.addAll(c.status().next());
        if (actor.username().equals(c.openedBy())) {
            next.remove(ClaimStatus.APPROVED);
        }
        return next;
    }

    /** Why a writer sees fewer buttons than the case's status allows; none for the read-only roles. */
    static String transitionNote(ClaimCase c, Actor actor) {
        if (!actor.role().canChangeData() || !c.status().open()) {
            return null;
        }
        if (actor.role() != Role.BPJS_OFFICER) {
            return "claim.transition.onlyBpjs";
        }
        if (c.status().canMoveTo(ClaimStatus.APPROVED) && actor.username().equals(c.openedBy())) {
            return "claim.transition.makerChecker";
        }
        return null;
    }

    /**
     * The reasons of the case (its rejection, its history's steps) as the page shows them: a case stored as rejected
     * carries its policies' codes ("INCIDENT_BEFORE_MEMBERSHIP, ...", the calculator's too), written out in the page's
     * language (a calculator's code by the simulation's text, as the case file does); a reason a person typed is shown
     * as typed.
     */
    static Map<String, String> reasonTexts(ClaimCase c, MessageSource messages, Locale locale) {
        Map<String, String> texts = new java.util.HashMap<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(c.rejectionReason()), c.history().stream().map(ClaimCase.HistoryEntry::reason))
                .filter(java.util.Objects::nonNull)
                .forEach(reason -> texts.put(reason, reasonText(reason, messages, locale)));
        return texts;
    }

    static String reasonText(String reason, MessageSource messages, Locale locale) {
        String[] parts = reason.split("\\s*,\\s*");
        if (!Arrays.stream(parts).allMatch(p -> p.matches("[A-Z][A-Z0-9_]+"))) {
            return reason;
        }
        return Arrays.stream(parts).map(code -> messages.getMessage("claim.code." + code, null,
                        messages.getMessage("simulation.rejection." + code, null, code, locale), locale))
                .collect(Collectors.joining(" "));
    }

    /** The documents of the case's checklist first, then the other types. */
    private static List<DocumentType> documentTypes(ClaimCase c) {
        Set<DocumentType> ordered = new java.util.LinkedHashSet<>();
        c.documents().forEach(d -> ordered.add(d.type()));
        ordered.addAll(Arrays.asList(DocumentType.values()));
        return List.copyOf(ordered);
    }

    private String villageName(String code) {
        return code == null ? null : workers.villageName(code);
    }
}
