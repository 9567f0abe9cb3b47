package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.platform.InputProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows parsed on several threads come back in the file's order, and a parse that fails stops validation. */
class OrderedParseTests {

    @Test
    void outcomesReachTheSinkInLineOrderWhateverOrderTheBatchesFinishIn() {
        List<Long> seen = new ArrayList<>();
        int rows = OrderedParse.BATCH * 7 + 13;
        try (OrderedParse parse = new OrderedParse(3, (line, fields) -> {
            // early batches finish last
            if (line % OrderedParse.BATCH == 0 && line < 3L * OrderedParse.BATCH) {
                sleep(30);
            }
            return new WorkerRowParser.Refused(List.of(new InputProblem(line, "nik", "X", fields[0])));
        }, (line, fields, outcome) -> {
            assertThat(((WorkerRowParser.Refused) outcome).problems().get(0).message()).isEqualTo("row " + line);
            seen.add(line);
        })) {
            for (long line = 2; line < rows + 2; line++) {
                parse.add(line, new String[] {"row " + line});
            }
            parse.finish();
        }
        assertThat(seen).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(seen.get(i)).isEqualTo(i + 2L);
        }
    }

    @Test
    void aParseThatThrowsIsThrownToTheReader() {
        try (OrderedParse parse = new OrderedParse(2, (line, fields) -> {
            throw new IllegalArgumentException("unreadable " + line);
        }, (line, fields, outcome) -> { })) {
            parse.add(2, new String[0]);
            assertThatThrownBy(parse::finish).isInstanceOf(IllegalArgumentException.class).hasMessage("unreadable 2");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
