package dev.closeloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core (survey flow, fatigue policy, digest content) is plain Java: no I/O types enter it. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.closeloop");

  @Test
  void coreHasNoIo() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.closeloop.survey", "dev.closeloop.digest")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.jdbi..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "com.slack..",
            "net.dv8tion..",
            "java.net.http..",
            "dev.closeloop.store..",
            "dev.closeloop.app..",
            "dev.closeloop..usecase..",
            "com.zaxxer..")
        .check(CLASSES);
  }

  @Test
  void coreDoesNotReadTheWallClock() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.closeloop.survey", "dev.closeloop.digest")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(CLASSES);
  }

  @Test
  void adaptersDoNotReachIntoTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.closeloop.chat.slack..", "dev.closeloop.chat.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.closeloop.store..", "dev.closeloop.app..", "dev.closeloop..usecase..")
        .check(CLASSES);
  }

  @Test
  void writeBackClientsOnlyTranslate() {
    noClasses()
        .that()
        .resideInAPackage("dev.closeloop.ticket.writeback..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.closeloop.store..",
            "dev.closeloop.app..",
            "dev.closeloop..usecase..",
            "dev.closeloop.delivery..",
            "dev.closeloop.survey..",
            "dev.closeloop.chat..",
            "org.jdbi..")
        .check(CLASSES);
  }

  @Test
  void nothingBelowTheWiringReachesUpIntoIt() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.closeloop.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.closeloop.app..")
        .check(CLASSES);
  }

  @Test
  void configIsRecordsBelowEverything() {
    noClasses()
        .that()
        .resideInAPackage("dev.closeloop.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.closeloop.app..",
            "dev.closeloop..usecase..",
            "dev.closeloop.survey..",
            "dev.closeloop.digest..",
            "dev.closeloop.chat..",
            "dev.closeloop.ticket..",
            "dev.closeloop.store..",
            "dev.closeloop.delivery..")
        .check(CLASSES);
  }
}
