package dev.closeloop.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One language's complaint rules, read from {@code sentiment/rules-<lang>.txt} on the class path:
 * {@code [section]} headers, {@code #} starting a comment. The phrase sections ({@code [negative]},
 * {@code [not negative]}, {@code [no complaint]}) hold one phrase a line; the word sections ({@link
 * #WORD_SECTIONS}, the word classes {@link ComplaintRules} reasons with) hold entries separated by
 * commas, over as many lines as they need; an entry may be several words ("nach wie vor").
 */
record RuleFile(String language, Map<String, List<String>> sections) {
  static final List<String> PHRASE_SECTIONS = List.of("negative", "not negative", "no complaint");
  static final List<String> WORD_SECTIONS =
      List.of(
          "negators",
          "negate backwards",
          "auxiliaries",
          "fillers",
          "scope breakers",
          "functioning",
          "problems",
          "strong problems",
          "resolved",
          "recurrence",
          "waiting",
          "long time",
          "persistence",
          "persistent",
          "absent",
          "contrast",
          "conditional",
          "sarcastic openers",
          "sarcasm turns",
          "determiners",
          "reporting",
          "next step",
          "elsewhere",
          "articles",
          "working");
  private static final Set<String> ALL = Set.copyOf(concat(PHRASE_SECTIONS, WORD_SECTIONS));

  RuleFile {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    sections.forEach((name, entries) -> copy.put(name, List.copyOf(entries)));
    sections = java.util.Collections.unmodifiableMap(copy);
  }

  /** The entries of one section; empty when the file has none. */
  List<String> section(String name) {
    if (!ALL.contains(name)) {
      throw new IllegalArgumentException("no such section: " + name);
    }
    return sections.getOrDefault(name, List.of());
  }

  boolean hasWordSections() {
    return WORD_SECTIONS.stream().anyMatch(sections::containsKey);
  }

  static RuleFile load(String language) {
    String resource = "sentiment/rules-" + language + ".txt";
    try (InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return parse(language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  static RuleFile parse(String language, BufferedReader reader) throws IOException {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    Map<String, StringBuilder> words = new LinkedHashMap<>();
    String section = null;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String entry = stripComment(line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      String where = "rules-" + language + ".txt line " + lineNumber + ": ";
      if (entry.startsWith("[") && entry.endsWith("]")) {
        section = entry.substring(1, entry.length() - 1);
        if (!ALL.contains(section)) {
          throw new IllegalStateException(where + "unknown section [" + section + "]");
        }
        sections.putIfAbsent(section, new ArrayList<>());
      } else if (section == null) {
        throw new IllegalStateException(where + "entry before any [section]");
      } else if (PHRASE_SECTIONS.contains(section)) {
        sections.get(section).add(entry);
      } else {
        words.computeIfAbsent(section, s -> new StringBuilder()).append(' ').append(entry);
      }
    }
    words.forEach(
        (name, text) -> {
          for (String word : text.toString().split(",")) {
            if (!word.isBlank()) {
              sections.get(name).add(word.strip().replaceAll("\\s+", " "));
            }
          }
        });
    return new RuleFile(language, sections);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
