package id.lindung;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lindung");

    @Test
    void calculatorsCatalogAndValuesDoNotDependOnSpring() {
        noClasses().that().resideInAnyPackage("id.lindung.shared", "id.lindung.regulation", "id.lindung.contribution",
                        "id.lindung.benefit", "id.lindung.quote")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void moneyIsNeverADoubleInTheCalculators() {
        noClasses().that().resideInAnyPackage("id.lindung.shared", "id.lindung.contribution", "id.lindung.benefit", "id.lindung.regulation")
                .should().dependOnClassesThat().areAssignableTo(double.class)
                .orShould().dependOnClassesThat().areAssignableTo(float.class)
                .orShould().dependOnClassesThat().areAssignableTo(Double.class)
                .check(CLASSES);
    }
}
