package dev.closeloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on a violation planted for it under {@code
 * dev.closeloop.archfixture} (test classes only; the real check never sees them), and names the
 * planted class in its report.
 */
class ArchitectureRulesCatchViolationsTest {
  private static final String ROOT = "dev.closeloop.archfixture";
  private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

  private static String report(ArchRule rule) {
    Throwable t = catchThrowable(() -> rule.check(FIXTURES));
    assertThat(t).as("the rule reports the planted violation").isInstanceOf(AssertionError.class);
    return t.getMessage();
  }

  @Test
  void aCycleBetweenTwoFeaturesIsReported() {
    assertThat(report(ArchitectureRules.featuresAreFreeOfCycles(ROOT)))
        .contains("CycleTicket", "CycleLink");
  }

  @Test
  void configDependingOnAFeatureIsReported() {
    assertThat(report(ArchitectureRules.configDependsOnNoFeature(ROOT)))
        .contains("FeatureReadingConfig")
        .contains("FixturePolicy");
  }

  @Test
  void aFeatureReachingUpIntoAppIsReported() {
    assertThat(report(ArchitectureRules.nothingReachesUpIntoApp(ROOT))).contains("AppReachingCore");
  }

  @Test
  void anAdapterTouchingTheStoreIsReported() {
    assertThat(report(ArchitectureRules.adaptersDoNotTouchTheStore(ROOT)))
        .contains("StoreTouchingAdapter")
        .doesNotContain("StoreReadingCore");
  }

  @Test
  void aWriteBackClientTouchingTheStoreIsReported() {
    assertThat(report(ArchitectureRules.writeBackClientsOnlyTranslate(ROOT)))
        .contains("StoreTouchingWriter");
  }

  @Test
  void ioInTheCoreIsReported() {
    assertThat(report(ArchitectureRules.coreHasNoIo(ROOT)))
        .contains("JdbcPolicy", "java.sql.Connection")
        .contains("StoreReadingCore")
        .doesNotContain("FixturePolicy");
  }

  @Test
  void everyWallClockReadInTheCoreIsReported() {
    assertThat(report(ArchitectureRules.coreDoesNotReadTheWallClock(ROOT)))
        .contains("WallClockPolicy.instant()", "Instant.now()")
        .contains("WallClockPolicy.today()", "LocalDate.now(java.time.ZoneId)")
        .contains("WallClockPolicy.clock()", "Clock.systemUTC()")
        .contains("WallClockPolicy.millis()", "System.currentTimeMillis()")
        .contains("WallClockPolicy.nanos()", "System.nanoTime()")
        .doesNotContain("WallClockPolicy.from(");
  }

  @Test
  void aUseCaseReadingTheWallClockIsReportedButATimeBudgetIsNot() {
    assertThat(report(ArchitectureRules.useCasesReadTimeFromTheirClock(ROOT)))
        .contains("ClockReadingUseCase.stamp()", "Instant.now()")
        .doesNotContain("ClockReadingUseCase.budget()");
  }

  @Test
  void storeAccessOutsideUseCasesIsReported() {
    assertThat(report(ArchitectureRules.storeAccessLivesInUseCases(ROOT)))
        .contains("StoreReadingCore", "StoreTouchingAdapter", "JdbcPolicy")
        .doesNotContain("ClockReadingUseCase");
  }
}
