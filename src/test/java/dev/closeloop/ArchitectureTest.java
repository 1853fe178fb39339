package dev.closeloop;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the main classes: features without cycles,
 * config below everything, nothing reaching up into app, adapters that only translate, a pure core
 * with no I/O and no wall clock, store access only in use cases. {@link
 * ArchitectureRulesCatchViolationsTest} shows each rule failing on a planted violation.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.closeloop";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ROOT);

  @Test
  void featuresAreFreeOfCycles() {
    ArchitectureRules.featuresAreFreeOfCycles(ROOT).check(CLASSES);
  }

  @Test
  void configIsRecordsBelowEverything() {
    ArchitectureRules.configDependsOnNoFeature(ROOT).check(CLASSES);
  }

  @Test
  void nothingBelowTheWiringReachesUpIntoIt() {
    ArchitectureRules.nothingReachesUpIntoApp(ROOT).check(CLASSES);
  }

  @Test
  void adaptersDoNotReachIntoTheStore() {
    ArchitectureRules.adaptersDoNotTouchTheStore(ROOT).check(CLASSES);
  }

  @Test
  void writeBackClientsOnlyTranslate() {
    ArchitectureRules.writeBackClientsOnlyTranslate(ROOT).check(CLASSES);
  }

  @Test
  void coreHasNoIo() {
    ArchitectureRules.coreHasNoIo(ROOT).check(CLASSES);
  }

  @Test
  void coreDoesNotReadTheWallClock() {
    ArchitectureRules.coreDoesNotReadTheWallClock(ROOT).check(CLASSES);
  }

  @Test
  void useCasesReadTimeFromTheirClock() {
    ArchitectureRules.useCasesReadTimeFromTheirClock(ROOT).check(CLASSES);
  }

  @Test
  void storeAccessLivesInUseCases() {
    ArchitectureRules.storeAccessLivesInUseCases(ROOT).check(CLASSES);
  }
}
