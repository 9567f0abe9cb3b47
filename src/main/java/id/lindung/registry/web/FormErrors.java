package id.lindung.registry.web;

import id.lindung.platform.InputProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The problems of a refused form, placed next to the fields they name; {@link #other()} are those about no field of
 * the form (a worker no longer active, a membership not open), shown above it.
 *
 * @param fields the names of the form's fields, as the registry names them in {@link InputProblem#field()}
 */
record FormErrors(List<InputProblem> problems, Set<String> fields) {

    static FormErrors none() {
        return new FormErrors(List.of(), Set.of());
    }

    static FormErrors of(List<InputProblem> problems, String... fields) {
        return new FormErrors(problems, Set.of(fields));
    }

    /** The problems of one field, or of several the registry names differently ({@code "startDate,validFrom"}). */
    public List<InputProblem> on(String names) {
        List<String> wanted = Arrays.asList(names.split(","));
        return problems.stream().filter(p -> wanted.contains(p.field())).toList();
    }

    /** Whether the submitted form already has this problem on this field (the NIK's live check then leaves it out). */
    public boolean has(String field, String code) {
        return problems.stream().anyMatch(p -> field.equals(p.field()) && code.equals(p.code()));
    }

    public List<InputProblem> other() {
        return problems.stream().filter(p -> !fields.contains(p.field())).toList();
    }
}
