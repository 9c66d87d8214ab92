package dev.signet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package map holds: no cycles between the top-level features of {@code dev.signet}, none between care's
 * rooms ({@code care.queue}, {@code care.note}, {@code care.routing}, {@code care.csat}, {@code care.promise},
 * {@code care.goodwill}: each depends on the aggregate in {@code care}, never on another room), and {@code channel}
 * (the edge to X) knows nothing of customers, insights or sentiment. Main code only: tests may reach across packages.
 * <p>
 * Before care was split (issue #16) the first rule found eight cycles, all through {@code channel -> insight}
 * (hourly volume) or {@code insight -> demo} (the demo flag): e.g. {@code care -> insight -> demo -> care},
 * {@code channel -> insight -> channel}, {@code demo -> insight -> demo}; and the last rule found
 * {@code customer.Network} and {@code insight.HourlyVolumeRepository} in {@code channel}. None is allowed now.
 * <p>
 * Sentiment scoring sits below care and reporting above it: {@code care -> sentiment} (a conversation's sentiment,
 * the scores shown with its messages), {@code insight -> care} (care's read API {@link dev.signet.care.CareFigures})
 * and {@code insight -> sentiment} (roll-ups of the scores), never {@code sentiment -> care} nor
 * {@code sentiment -> insight}: what sentiment needs of care's messages it asks through its own port
 * {@link dev.signet.sentiment.MessageTexts}, which care implements. The cycle rule ignores nothing.
 */
class PackageDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.signet");

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("dev.signet.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sentimentKnowsNothingOfCareOrInsight() {
        noClasses().that().resideInAPackage("dev.signet.sentiment..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.signet.care..", "dev.signet.insight..").check(MAIN);
    }

    @Test
    void careSubPackagesAreFreeOfCycles() {
        slices().matching("dev.signet.care.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(MAIN);
    }

    @Test
    void channelKnowsNothingOfCustomersOrInsights() {
        noClasses().that().resideInAPackage("dev.signet.channel..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.signet.customer..", "dev.signet.insight..", "dev.signet.sentiment..").check(MAIN);
    }
}
