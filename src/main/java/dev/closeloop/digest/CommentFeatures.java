package dev.closeloop.digest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The features {@link ComplaintModel} reads from a comment in lower-cased {@link CommentText#plain
 * plain} form, each as a 64-bit hash of its text:
 *
 * <ul>
 *   <li>character n-grams of {@value #MIN_GRAM} to {@value #MAX_GRAM} characters within each word,
 *       the word marked at both ends ("&lt;nicht&gt;", "gelost&gt;"), so that "Berechtigungsfehler"
 *       shares "fehler&gt;" with "Fehler" and "genervt" shares "&lt;nerv" with "nervig";
 *   <li>words and pairs of neighbouring words, a word after a negator ({@code [negators]} of the
 *       language's rule file) up to the next punctuation marked as negated, so that "not bad" and
 *       "bad" are different features;
 *   <li>the word classes of the rule file ({@link #CLASSES}) a word belongs to, negated or not, so
 *       that a word the training comments lack but the rules list counts like its class.
 * </ul>
 *
 * Japanese, written without spaces, has character n-grams of {@value #MIN_GRAM_UNSPACED} to {@value
 * #MAX_GRAM_UNSPACED} characters within each stretch between punctuation, marked at both ends (a
 * clause ending in "ない&gt;"). Immutable and thread-safe.
 */
final class CommentFeatures {
  static final int MIN_GRAM = 2;
  static final int MAX_GRAM = 5;
  static final int MIN_GRAM_UNSPACED = 1;
  static final int MAX_GRAM_UNSPACED = 3;

  /** The word classes of the rule file that become features of their own. */
  static final List<String> CLASSES =
      List.of(
          "functioning",
          "problems",
          "strong problems",
          "resolved",
          "persistence",
          "persistent",
          "waiting",
          "long time",
          "absent");

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final boolean unspaced;
  private final Set<String> negators;
  private final ComplaintCues.WordSet[] classes;
  private final long[] classFeatures;
  private final long[] negatedClassFeatures;

  private CommentFeatures(
      boolean unspaced, Set<String> negators, Map<String, ComplaintCues.WordSet> classes) {
    this.unspaced = unspaced;
    this.negators = negators;
    this.classes = classes.values().toArray(ComplaintCues.WordSet[]::new);
    this.classFeatures = classes.keySet().stream().mapToLong(name -> hash('k', name)).toArray();
    this.negatedClassFeatures =
        classes.keySet().stream().mapToLong(name -> hash('k', "!" + name)).toArray();
  }

  /** The features of a language: unspaced for Japanese, negators and classes from its rules. */
  static CommentFeatures of(RuleFile file) {
    Set<String> negators =
        Set.copyOf(
            file.section("negators").stream()
                .filter(n -> n.indexOf(' ') < 0)
                .map(n -> CommentText.plain(n).toLowerCase(Locale.ROOT))
                .toList());
    Map<String, ComplaintCues.WordSet> classes = new LinkedHashMap<>();
    for (String name : CLASSES) {
      classes.put(name, ComplaintCues.WordSet.of(file.section(name).toArray(String[]::new)));
    }
    return new CommentFeatures(file.language().equals("ja"), negators, classes);
  }

  /** The distinct features of a lower-cased plain comment, sorted. */
  long[] of(String plain) {
    LongList out = new LongList(5 * plain.length() + 16); // about the n-grams a text has
    if (unspaced) {
      for (String stretch : stretches(plain)) {
        grams(stretch, MIN_GRAM_UNSPACED, MAX_GRAM_UNSPACED, out);
      }
    } else {
      for (List<String> clause : clauses(plain)) {
        boolean negated = false;
        String previous = "<";
        for (String word : clause) {
          grams(word, MIN_GRAM, MAX_GRAM, out);
          String marked = negated ? "!" + word : word;
          out.add(hash('w', marked));
          out.add(pairHash(previous, marked));
          for (int k = 0; k < classes.length; k++) {
            if (classes[k].has(word)) {
              out.add(negated ? negatedClassFeatures[k] : classFeatures[k]);
            }
          }
          previous = marked;
          negated |= negators.contains(word);
        }
        out.add(pairHash(previous, ">"));
      }
    }
    return out.sortedDistinct();
  }

  /** {@code hash('b', first + " " + second)}, without building the string. */
  private static long pairHash(String first, String second) {
    long h = fold((FNV_OFFSET ^ 'b') * FNV_PRIME, first);
    h = (h ^ ' ') * FNV_PRIME;
    return fold(h, second);
  }

  /** Words (letters and digits) grouped by clause: punctuation ends a clause. */
  private static List<List<String>> clauses(String plain) {
    List<List<String>> clauses = new ArrayList<>();
    List<String> clause = new ArrayList<>();
    int i = 0;
    while (i < plain.length()) {
      int cp = plain.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        int start = i;
        while (i < plain.length() && Character.isLetterOrDigit(plain.codePointAt(i))) {
          i += Character.charCount(plain.codePointAt(i));
        }
        clause.add(plain.substring(start, i));
        continue;
      }
      if (!Character.isWhitespace(cp) && cp != '\'' && !clause.isEmpty()) {
        clauses.add(clause);
        clause = new ArrayList<>();
      }
      i += Character.charCount(cp);
    }
    if (!clause.isEmpty()) {
      clauses.add(clause);
    }
    return clauses;
  }

  /** The stretches of text between spaces and punctuation. */
  private static List<String> stretches(String plain) {
    return Arrays.stream(plain.split("[\\p{P}\\p{S}\\s]+")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The hashes of the n-grams (in code points) of the text marked at both ends ("&lt;" + text +
   * "&gt;"), as {@link #hash} would give them, without building a string per n-gram.
   */
  private static void grams(String text, int min, int max, LongList out) {
    int[] cps = new int[text.codePointCount(0, text.length()) + 2];
    cps[0] = '<';
    int at = 1;
    for (int i = 0; i < text.length(); i += Character.charCount(cps[at++])) {
      cps[at] = text.codePointAt(i);
    }
    cps[at] = '>';
    long start = (FNV_OFFSET ^ 'c') * FNV_PRIME;
    for (int from = 0; from < cps.length; from++) {
      long h = start;
      for (int n = 1; n <= max && from + n <= cps.length; n++) {
        int cp = cps[from + n - 1];
        if (Character.isBmpCodePoint(cp)) {
          h = (h ^ cp) * FNV_PRIME;
        } else {
          h = (h ^ Character.highSurrogate(cp)) * FNV_PRIME;
          h = (h ^ Character.lowSurrogate(cp)) * FNV_PRIME;
        }
        if (n >= min) {
          out.add(h);
        }
      }
    }
  }

  /** FNV-1a over the kind and the text's chars: stable across JVMs and runs. */
  static long hash(char kind, String text) {
    return fold((FNV_OFFSET ^ kind) * FNV_PRIME, text);
  }

  private static long fold(long h, String text) {
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  /** A growable list of longs, without boxing. */
  private static final class LongList {
    private long[] items;
    private int size;

    LongList(int capacity) {
      items = new long[capacity];
    }

    void add(long value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    /** The distinct values, sorted, in an array of their own. */
    long[] sortedDistinct() {
      Arrays.sort(items, 0, size);
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (i == 0 || items[i] != items[i - 1]) {
          items[n++] = items[i];
        }
      }
      return Arrays.copyOf(items, n);
    }
  }
}
