package id.lindung.registry;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/nik/{nik}} and {@code lindung nik check NIK}. */
public record NikJson(String nik, boolean valid, List<NikCheck.Error> errors, String sex, LocalDate birthDate,
                      String districtCode) {

    /** The same answer with each error's message written by {@code sentence} (code, English message): in the reader's language. */
    public NikJson worded(java.util.function.BinaryOperator<String> sentence) {
        return new NikJson(nik, valid, errors.stream().map(e -> new NikCheck.Error(e.code(), sentence.apply(e.code(), e.message())))
                .toList(), sex, birthDate, districtCode);
    }

    public static NikJson of(NikCheck.Result r) {
        return new NikJson(r.nik(), r.valid(), r.errors(), r.sex() == null ? null : r.sex().toString(), r.birthDate(),
                r.districtCode());
    }
}
