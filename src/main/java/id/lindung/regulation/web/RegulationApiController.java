package id.lindung.regulation.web;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Parameter;
import id.lindung.regulation.RegulationCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Regulasi / Regulations", description = "Dated regulation parameters with references")
class RegulationApiController {

    private final RegulationCatalog catalog;

    RegulationApiController(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    record Catalog(String version, List<String> files, List<ParameterView> parameters) {}

    record ParameterView(String id, String description, String unit, String condition, boolean verified, List<ValueView> values) {
        static ParameterView of(Parameter p) {
            return new ParameterView(p.id(), p.description(), p.unit().name(), p.condition(), p.allVerified(),
                    p.values().stream().map(ValueView::of).toList());
        }
    }

    record ValueView(String from, String until, String value, String unit, String regulation, String article,
                     List<String> sources, boolean verified, String note, String file) {
        static ValueView of(DatedValue v) {
            var r = v.reference();
            return new ValueView(v.from().toString(), v.until() == null ? null : v.until().toString(), v.text(), v.unit().name(),
                    r.regulation(), r.article(), r.sources(), r.verified(), r.note(), v.file());
        }
    }

    @Operation(summary = "Every regulation parameter with its dated values, references and verification flag")
    @GetMapping("/regulations")
    Catalog regulations() {
        return new Catalog(catalog.version(), catalog.files(), catalog.parameters().stream().map(ParameterView::of).toList());
    }
}
