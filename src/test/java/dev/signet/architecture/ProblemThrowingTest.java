package dev.signet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import dev.signet.api.ProblemException;

/**
 * One way to throw problems: outside {@code dev.signet.api} code throws a typed {@link ProblemException} subclass
 * named for what went wrong ({@code EscalationRejectedException.leadsOnly()}), never a raw
 * {@code new ProblemException(400, …)}, so the HTTP status sits with the exception type, not in domain services.
 */
class ProblemThrowingTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.signet");

    static ArchRule noRawProblems(Set<String> exempt) {
        DescribedPredicate<JavaClass> exempted = DescribedPredicate.describe("exempted",
                c -> exempt.contains(c.getName()) || exempt.contains(c.getName().replaceFirst("\\$.*", "")));
        return noClasses().that().resideOutsideOfPackage("dev.signet.api..")
                .and().areNotAssignableTo(ProblemException.class)
                .and(DescribedPredicate.not(exempted))
                .should().callConstructor(ProblemException.class, int.class, String.class, String.class, String.class)
                .because("a problem is thrown as a typed ProblemException subclass that owns its status");
    }

    @Test
    void onlyTypedProblemsAreThrownOutsideApi() {
        noRawProblems(Set.of()).check(MAIN);
    }

    @Test
    void aRawProblemIsFound() {
        JavaClasses raw = new ClassFileImporter().importClasses(RawProblem.class, ProblemException.class);
        assertThrows(AssertionError.class, () -> noRawProblems(Set.of()).check(raw));
    }

    /** A class outside {@code api} that throws a raw problem with a status, as the rule forbids. */
    static final class RawProblem {
        void refuse() {
            throw new ProblemException(400, "bad-thing", "Bad thing", "Don't.");
        }
    }
}
