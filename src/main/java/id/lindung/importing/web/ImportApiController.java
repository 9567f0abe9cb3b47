package id.lindung.importing.web;

import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
    ResponseEntity<ImportBatch> upload(@RequestParam("file") MultipartFile file,
                                       @RequestParam(defaultValue = "false") boolean autoConfirm,
                                       @RequestParam(required = false) String villageCode,
                                       @RequestParam(required = false) LocalDate startDate) throws IOException {
        ImportBatch batch = imports.upload(file.getOriginalFilename(), file.getInputStream(),
                new WorkerImports.Options(villageCode, startDate, autoConfirm));
        return ResponseEntity.status(HttpStatus.CREATED).body(batch);
    }

    @GetMapping("/{id}")
    ImportBatch get(@PathVariable long id) {
        return imports.get(id);
    }

    @PostMapping("/{id}/confirm")
    ImportBatch confirm(@PathVariable long id) {
        return imports.confirm(id);
    }

    @GetMapping("/{id}/rejections.csv")
    void rejections(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        imports.get(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeRejectionsCsv(id, writer); // closes the writer, which flushes it
    }
}
