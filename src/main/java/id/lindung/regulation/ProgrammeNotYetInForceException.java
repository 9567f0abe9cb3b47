package id.lindung.regulation;

import id.lindung.shared.Programme;
import java.time.LocalDate;

/** A date or month before a programme existed (for example JKP before 2 February 2021): names the programme. */
public class ProgrammeNotYetInForceException extends NoRegulationInForceException {

    public static final String CODE = "PROGRAMME_NOT_YET_IN_FORCE";

    private final Programme programme;
    private final LocalDate inForceFrom;

    public ProgrammeNotYetInForceException(Programme programme, LocalDate date, LocalDate inForceFrom) {
        super(CODE, programme + " is not in force on " + date + ": it starts on " + inForceFrom);
        this.programme = programme;
        this.inForceFrom = inForceFrom;
    }

    public Programme programme() {
        return programme;
    }

    public LocalDate inForceFrom() {
        return inForceFrom;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("programme", programme.name(), "inForceFrom", inForceFrom.toString());
    }
}
