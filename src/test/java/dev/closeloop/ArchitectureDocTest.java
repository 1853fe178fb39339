package dev.closeloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layer diagram of docs/architecture.md matches the packages and their dependencies. */
class ArchitectureDocTest {
  private static final String ROOT = "dev.closeloop";
  private static final Path SOURCES = Path.of("src/main/java/dev/closeloop");
  private static final Pattern NODE = Pattern.compile("(\\w+)\\[\"([a-z.]+)\"]");
  private static final Pattern EDGE = Pattern.compile("^\\s*(\\w+) --> (\\w+)\\s*$");

  private static String diagram() throws IOException {
    String doc = Files.readString(Path.of("docs/architecture.md"));
    int start = doc.indexOf("```mermaid");
    int end = doc.indexOf("```", start + 3);
    assertThat(start).as("a mermaid diagram in docs/architecture.md").isNotNegative();
    return doc.substring(start, end);
  }

  private static Map<String, String> nodes(String diagram) {
    Map<String, String> byId = new HashMap<>();
    Matcher m = NODE.matcher(diagram);
    while (m.find()) {
      byId.put(m.group(1), m.group(2));
    }
    return byId;
  }

  /** Every package with a class in it, relative to dev.closeloop ("ticket.usecase"). */
  private static Set<String> packages() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      Set<String> out = new TreeSet<>();
      files
          .filter(f -> f.toString().endsWith(".java"))
          .map(f -> SOURCES.relativize(f.getParent()).toString().replace('/', '.'))
          .filter(p -> !p.isEmpty())
          .forEach(out::add);
      return out;
    }
  }

  @Test
  void everyPackageIsDrawnAndEveryDrawnPackageExists() throws IOException {
    Set<String> drawn = new TreeSet<>(nodes(diagram()).values());
    assertThat(drawn).isEqualTo(packages());
  }

  @Test
  void theArrowsAreExactlyTheDependenciesBetweenTopLevelPackages() throws IOException {
    String diagram = diagram();
    Map<String, String> nodes = nodes(diagram);
    Set<String> drawn = new TreeSet<>();
    for (String line : diagram.split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.matches()) {
        drawn.add(nodes.get(m.group(1)) + " -> " + nodes.get(m.group(2)));
      }
    }
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);
    Set<String> actual = new TreeSet<>();
    for (JavaClass c : classes) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String from = topLevel(d.getOriginClass().getPackageName());
        String to = topLevel(d.getTargetClass().getPackageName());
        if (from != null && to != null && !from.equals(to)) {
          actual.add(from + " -> " + to);
        }
      }
    }
    assertThat(drawn).isEqualTo(actual);
  }

  private static String topLevel(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return null;
    }
    return packageName.substring(ROOT.length() + 1).split("\\.")[0];
  }
}
