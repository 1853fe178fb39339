package dev.closeloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository documents itself: every relative link in its Markdown (README.md, docs/, bench/)
 * names a file or folder inside the repository. A link to a file the reader did not clone, such as
 * a team's notes beside the repository, fails here.
 */
class DocumentationLinksTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
  private static final Pattern INLINE =
      Pattern.compile("\\[[^\\]]*]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s*\\[[^\\]]+]:\\s*(\\S+)");

  @Test
  void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> files = markdownFiles();
    assertThat(files).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/reference.md"));
    int links = 0;
    for (Path file : files) {
      for (String target : links(Files.readString(file))) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
          continue; // http:, https:, mailto:, or an anchor in the same file
        }
        links++;
        String path = target.replaceFirst("#.*$", "");
        Path resolved = file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
          broken.add(ROOT.relativize(file) + " → " + target);
        }
      }
    }
    assertThat(links).isGreaterThan(20);
    assertThat(broken).as("links that point outside the repository or to nothing").isEmpty();
  }

  private static List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    for (String dir : List.of("docs", "bench")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** Link targets outside fenced code blocks. */
  static List<String> links(String markdown) {
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        prose.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (Pattern p : List.of(INLINE, REFERENCE)) {
      Matcher m = p.matcher(prose);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
