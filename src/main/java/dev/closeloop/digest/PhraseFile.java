package dev.closeloop.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One language's phrase list, read from {@code sentiment/phrases-<lang>.txt} on the class path. The
 * file has three sections, one entry a line, {@code #} starting a comment:
 *
 * <pre>
 * [negative]       phrases that make a comment negative wherever they stand
 * [not negative]   phrases that are no complaint ("not bad at all"); removed before anything else
 * [markers]        common words, several a line, that tell this language from the others
 * </pre>
 */
record PhraseFile(
    String language, List<String> negative, List<String> notNegative, List<String> markers) {

  PhraseFile {
    negative = List.copyOf(negative);
    notNegative = List.copyOf(notNegative);
    markers = List.copyOf(markers);
  }

  static PhraseFile load(String language) {
    String resource = "sentiment/phrases-" + language + ".txt";
    try (InputStream in = PhraseFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return parse(language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  static PhraseFile parse(String language, BufferedReader reader) throws IOException {
    List<String> negative = new ArrayList<>();
    List<String> notNegative = new ArrayList<>();
    List<String> markers = new ArrayList<>();
    List<String> section = null;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String entry = stripComment(line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      switch (entry) {
        case "[negative]" -> section = negative;
        case "[not negative]" -> section = notNegative;
        case "[markers]" -> section = markers;
        default -> {
          if (section == null) {
            throw new IllegalStateException(
                "phrases-" + language + ".txt line " + lineNumber + ": entry before any [section]");
          }
          if (section == markers) {
            markers.addAll(List.of(entry.split("\\s+")));
          } else {
            section.add(entry);
          }
        }
      }
    }
    return new PhraseFile(language, negative, notNegative, markers);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
