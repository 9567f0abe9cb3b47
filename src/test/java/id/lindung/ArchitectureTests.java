package id.lindung;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
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

    /** The types whose {@code now(...)} reads the system clock unless it is given one. */
    static final Set<String> TIME_TYPES = Set.of("java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.Instant", "java.time.ZonedDateTime", "java.time.OffsetDateTime", "java.time.OffsetTime",
            "java.time.YearMonth", "java.time.Year", "java.time.MonthDay");

    static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK = new DescribedPredicate<>(
            "read the system clock or zone (use the injected business Clock: LocalDate.now(clock))") {
        @Override
        public boolean test(JavaCall<?> call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            List<String> params = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
            return switch (owner) {
                case "java.time.Clock" -> Set.of("system", "systemUTC", "systemDefaultZone").contains(name);
                case "java.lang.System" -> name.equals("currentTimeMillis");
                case "java.time.ZoneId" -> name.equals("systemDefault");
                case "java.util.TimeZone" -> name.equals("getDefault");
                case "java.util.Date" -> name.equals("<init>") && params.isEmpty();
                default -> TIME_TYPES.contains(owner) && name.equals("now") && !params.equals(List.of("java.time.Clock"));
            };
        }
    };

    /**
     * A business date is a date in the business time zone, taken from the one injected Clock; only the class
     * that creates that bean reads the system clock. Elapsed time (System.nanoTime) is not a date and is allowed.
     */
    @Test
    void onlyTheBusinessClockReadsTheSystemClock() {
        noClasses().that().doNotHaveFullyQualifiedName("id.lindung.platform.BusinessClock")
                .should().callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
                .check(CLASSES);
    }
}
