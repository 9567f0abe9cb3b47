package id.lindung.importing.web;

import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import id.lindung.platform.ApiProblems;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.InputProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    private final WorkerImports imports;

    ImportApiController(WorkerImports imports) {
        this.imports = imports;
    }

    @PostMapping
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file,
                             @RequestParam(defaultValue = "false") boolean autoConfirm,
                             @RequestParam(required = false) String villageCode,
                             @RequestParam(required = false) LocalDate startDate) throws IOException {
        ImportBatch batch = imports.upload(file.getOriginalFilename(), file.getInputStream(),
                new WorkerImports.Options(villageCode, startDate, autoConfirm));
        if (batch.status().equals("FAILED")) {
            return failed(batch);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(withWarnings(batch));
    }

    /**
     * A batch with the rows it imports as typed but warns about ({@code warnings}) and the rows it refuses
     * ({@code rejections}; issue 4: "the result lists every rejected row with its line number, field and reason"), each
     * as line, field, code, message, as the quotes and the registration give them: the first {@value #MAX_ERRORS} of
     * each; {@code rejectedRows} counts them all and {@code rejectionsCsv} downloads them all.
     */
    record BatchJson(@com.fasterxml.jackson.annotation.JsonUnwrapped ImportBatch batch, List<InputProblem> warnings,
                     List<InputProblem> rejections, String rejectionsCsv) implements id.lindung.platform.Warned<BatchJson> {

        @Override
        public BatchJson withWarnings(List<InputProblem> warnings) {
            return new BatchJson(batch, warnings, rejections, rejectionsCsv);
        }

        @Override
        public BatchJson withRejections(List<InputProblem> rejections) {
            return new BatchJson(batch, warnings, rejections, rejectionsCsv);
        }
    }

    private BatchJson withWarnings(ImportBatch batch) {
        return new BatchJson(batch, problems(imports.warnings(batch.id(), MAX_ERRORS)), problems(imports.rejections(batch.id(), MAX_ERRORS)),
                "/api/v1/imports/" + batch.id() + "/rejections.csv");
    }

    private static List<InputProblem> problems(List<WorkerImports.RejectedRow> rows) {
        return rows.stream().map(r -> new InputProblem(r.line(), r.field(), r.code(), r.message())).toList();
    }

    /**
     * A file with nothing to import is refused (422), not created: the code says why (the file's own, such as
     * FILE_EMPTY or FILE_NOT_UTF8, or NO_VALID_ROWS with every row's problem), and the batch stays readable for its
     * rejection file.
     */
    private ResponseEntity<ProblemDetail> failed(ImportBatch batch) {
        List<WorkerImports.RejectedRow> rows = imports.rejections(batch.id(), MAX_ERRORS);
        boolean fileLevel = rows.isEmpty() || rows.stream().allMatch(r -> r.line() <= 1);
        String code = fileLevel ? (rows.isEmpty() ? "NO_VALID_ROWS" : rows.get(0).code()) : "NO_VALID_ROWS";
        String detail = fileLevel && !rows.isEmpty() ? rows.get(0).message()
                : "No row of the file can be imported: " + batch.rejectedRows() + " row(s) rejected";
        List<InputProblem> errors = problems(rows);
        ProblemDetail body = ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, code, detail, errors);
        body.setProperty("batch", batch.id());
        body.setProperty("rejections", "/api/v1/imports/" + batch.id() + "/rejections.csv");
        return ApiProblems.response(body);
    }

    private static final int MAX_ERRORS = 100;

    @GetMapping("/{id}")
    BatchJson get(@PathVariable long id) {
        return withWarnings(imports.get(id));
    }

    @PostMapping("/{id}/confirm")
    BatchJson confirm(@PathVariable long id) {
        return withWarnings(imports.confirm(id));
    }

    @GetMapping("/{id}/rejections.csv")
    void rejections(@PathVariable long id, @RequestParam(required = false) String delimiter,
                    jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale) throws IOException {
        CsvDialect dialect = CsvDialect.of(delimiter);
        imports.get(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeRejectionsCsv(id, dialect, writer, locale); // in the requester's language; closes the writer, which flushes it
    }
}
