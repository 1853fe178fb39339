package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The word classes {@link ComplaintRules} reasons with, for one language, from the word sections of
 * its {@link RuleFile}. Entries are in plain form (lower case, accents stripped); {@code stem*}
 * matches every word starting with {@code stem}, so "work*" covers work, works, worked, working.
 */
record ComplaintCues(
    WordSet negators,
    WordSet negateBackwards,
    WordSet auxiliaries,
    WordSet fillers,
    WordSet scopeBreakers,
    WordSet functioning,
    WordSet problems,
    WordSet strongProblems,
    WordSet resolved,
    WordSet recurrence,
    WordSet waiting,
    WordSet longTime,
    WordSet persistence,
    WordSet persistent,
    WordSet absent,
    WordSet contrast,
    WordSet conditional,
    WordSet sarcasticOpeners,
    WordSet sarcasmTurns,
    WordSet determiners,
    WordSet reporting,
    WordSet nextStep,
    WordSet elsewhere) {

  static ComplaintCues of(RuleFile file) {
    return new ComplaintCues(
        set(file, "negators"),
        set(file, "negate backwards"),
        set(file, "auxiliaries"),
        set(file, "fillers"),
        set(file, "scope breakers"),
        set(file, "functioning"),
        set(file, "problems"),
        set(file, "strong problems"),
        set(file, "resolved"),
        set(file, "recurrence"),
        set(file, "waiting"),
        set(file, "long time"),
        set(file, "persistence"),
        set(file, "persistent"),
        set(file, "absent"),
        set(file, "contrast"),
        set(file, "conditional"),
        set(file, "sarcastic openers"),
        set(file, "sarcasm turns"),
        set(file, "determiners"),
        set(file, "reporting"),
        set(file, "next step"),
        set(file, "elsewhere"));
  }

  /** Entries of two or more words ("immer noch"), longest first: read as one token. */
  List<List<String>> multiWordEntries() {
    return Stream.of(
            negators,
            negateBackwards,
            auxiliaries,
            fillers,
            scopeBreakers,
            functioning,
            problems,
            strongProblems,
            resolved,
            recurrence,
            waiting,
            longTime,
            persistence,
            persistent,
            absent,
            contrast,
            conditional,
            sarcasticOpeners,
            sarcasmTurns,
            reporting,
            nextStep,
            elsewhere)
        .flatMap(s -> s.exact.stream())
        .filter(e -> e.contains(" "))
        .distinct()
        .map(e -> List.of(e.split(" ")))
        .sorted(Comparator.comparingInt(List<String>::size).reversed())
        .toList();
  }

  private static WordSet set(RuleFile file, String section) {
    return WordSet.of(file.section(section).toArray(String[]::new));
  }

  /** A set of exact words (or word sequences) and word stems. Immutable and thread-safe. */
  static final class WordSet {
    private final Set<String> exact;
    private final String[] stems; // an array: has() runs for every word of every comment

    private WordSet(Set<String> exact, List<String> stems) {
      this.exact = Set.copyOf(exact);
      this.stems = stems.toArray(String[]::new);
    }

    static WordSet of(String... entries) {
      Set<String> exact = new HashSet<>();
      List<String> stems = new ArrayList<>();
      for (String entry : entries) {
        if (entry.endsWith("*")) {
          stems.add(entry.substring(0, entry.length() - 1));
        } else {
          exact.add(entry);
        }
      }
      return new WordSet(exact, stems.stream().distinct().toList());
    }

    /** The entries as given: words, and stems ending in {@code *}. */
    List<String> entries() {
      List<String> entries = new ArrayList<>(exact);
      for (String stem : stems) {
        entries.add(stem + "*");
      }
      entries.sort(null);
      return entries;
    }

    boolean has(String word) {
      if (exact.contains(word)) {
        return true;
      }
      for (String stem : stems) {
        if (word.startsWith(stem)) {
          return true;
        }
      }
      return false;
    }
  }
}
