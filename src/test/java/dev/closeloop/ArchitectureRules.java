package dev.closeloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The layering rules, written for a root package so that each can be checked both on the real code
 * ({@code dev.closeloop}, {@link ArchitectureTest}) and on planted violations ({@code
 * dev.closeloop.archfixture}, {@link ArchitectureRulesCatchViolationsTest}).
 *
 * <p>The convention they keep (docs/architecture.md): a feature's root package is its pure core
 * (model, policies, ports, values); its {@code usecase} subpackage holds everything that opens a
 * transaction or touches the store; adapters sit in their own subpackages beside the port they
 * implement; {@code app} wires everything and nothing reaches up into it.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The feature roots that make up the pure core. */
  static String[] core(String root) {
    return List.of("survey", "digest", "ticket", "link", "delivery", "chat").stream()
        .map(p -> root + "." + p)
        .toArray(String[]::new);
  }

  /** Adapters: they translate between a platform or helpdesk and the core, nothing more. */
  static String[] adapters(String root) {
    return List.of("chat.slack..", "chat.discord..", "ticket.connector..", "ticket.poll..").stream()
        .map(p -> root + "." + p)
        .toArray(String[]::new);
  }

  static ArchRule featuresAreFreeOfCycles(String root) {
    return slices()
        .matching(root + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .because("features depend on each other in one direction only (docs/architecture.md)");
  }

  static ArchRule configDependsOnNoFeature(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".config..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are in another package of " + root,
                (JavaClass c) ->
                    c.getPackageName().startsWith(root + ".")
                        && !c.getPackageName().startsWith(root + ".config")))
        .because("config is records below everything that reads them");
  }

  static ArchRule nothingReachesUpIntoApp(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(root + ".app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".app..")
        .because("app wires everything; nothing below it knows it");
  }

  static ArchRule adaptersDoNotTouchTheStore(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(adapters(root))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            root + ".store..",
            root + "..usecase..",
            root + ".app..",
            "org.jdbi..",
            "java.sql..",
            "javax.sql..")
        .because("adapters only translate");
  }

  static ArchRule writeBackClientsOnlyTranslate(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".ticket.writeback..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            root + ".store..",
            root + ".app..",
            root + "..usecase..",
            root + ".delivery..",
            root + ".survey..",
            root + ".chat..",
            "org.jdbi..",
            "java.sql..")
        .because("a write-back client turns one write into HTTP calls and their outcome");
  }

  static ArchRule coreHasNoIo(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(core(root))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "java.nio.file..",
            "java.net.http..",
            "org.jdbi..",
            "com.zaxxer..",
            "org.h2..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "com.slack..",
            "net.dv8tion..",
            "okhttp3..",
            "jakarta.mail..",
            root + ".store..",
            root + ".app..",
            root + "..usecase..")
        .because("the core is plain Java: no store, network, file system or platform SDK");
  }

  /** Store access (the store package, Jdbi, JDBC) lives in use cases, the store and the wiring. */
  static ArchRule storeAccessLivesInUseCases(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(
            root + "..usecase..",
            root + ".store..",
            root + ".app..",
            // the sandbox "platform" is a chat kept in its own table, for the local demo
            root + ".chat.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".store..", "org.jdbi..", "java.sql..", "javax.sql..")
        .because("a feature's root is its pure core; what touches the store is a use case");
  }

  private static final Set<String> CLOCK_CLASSES =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.ZonedDateTime",
          "java.time.OffsetDateTime");

  /** {@code Instant.now()}, {@code LocalDate.now(zone)}, {@code Clock.systemUTC()} and the like. */
  static DescribedPredicate<JavaMethodCall> readsTheWallClock(boolean timingCountsToo) {
    return DescribedPredicate.describe(
        timingCountsToo ? "read the wall clock or a timer" : "read the wall clock",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          boolean takesClock =
              call.getTarget().getRawParameterTypes().stream()
                  .anyMatch(t -> t.isEquivalentTo(Clock.class));
          if (CLOCK_CLASSES.contains(owner) && name.equals("now") && !takesClock) {
            return true;
          }
          if (owner.equals("java.time.Clock") && name.startsWith("system")) {
            return true;
          }
          if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
            return true;
          }
          return timingCountsToo && owner.equals("java.lang.System") && name.equals("nanoTime");
        });
  }

  static ArchRule coreDoesNotReadTheWallClock(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(core(root))
        .should()
        .callMethodWhere(readsTheWallClock(true))
        .because("the core gets every instant as an argument or from an injected Clock");
  }

  /** Use cases read time from the injected Clock; a time budget ({@code nanoTime}) is timing. */
  static ArchRule useCasesReadTimeFromTheirClock(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..usecase..")
        .should()
        .callMethodWhere(readsTheWallClock(false))
        .because("tests move a settable Clock; a use case never reads the wall clock itself");
  }
}
