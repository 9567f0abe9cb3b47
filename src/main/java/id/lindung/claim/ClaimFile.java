package id.lindung.claim;

import java.util.Locale;
import org.springframework.stereotype.Service;

/** The case file as PDF. */
@Service
class ClaimFile {
    byte[] pdf(ClaimCase c, Locale locale) { throw new UnsupportedOperationException("step 2"); }
}
