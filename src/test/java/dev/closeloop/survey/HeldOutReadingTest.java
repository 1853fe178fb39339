package dev.closeloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A held-out check of the typed-answer reading: {@code survey/heldout-2026-12-06.tsv} was written
 * before the parser was read and is never tuned, so unlike {@code typed-answers.tsv} (where every
 * row must pass) it measures how well the reading generalises. Each language must read at least 90%
 * of its rows as expected; the misses are printed.
 */
class HeldOutReadingTest {
  @Test
  void eachLanguageKeepsItsHeldOutScore() throws IOException {
    score("/survey/heldout-2026-12-06.tsv", 120, 0.9);
  }

  /**
   * The second set, written after the fixes and never tuned either: at its first run it read 61 of
   * 72 (9 to 11 of 12 per language); the floor keeps that.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheSecondSet() throws IOException {
    score("/survey/heldout2-2026-12-06.tsv", 72, 0.75);
  }

  /**
   * The third set, written 2026-12-07 before it was run: at its first run it read 113 of 129 (en
   * 18/23, de 20/22, fr 19/21, es 19/21, pt 18/21, ja 19/21) — that is the generalisation figure.
   * The reader was then fixed by class on its misses, so what it reads now (128 of 129) is no
   * longer one; the floor only keeps the fixes.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheThirdSet() throws IOException {
    score("/survey/heldout3-2026-12-07.tsv", 120, 0.9);
  }

  /**
   * The fourth set, written 2026-12-07 before it was run (reopen offer, "anything else?", numbers
   * as words, 8/10 and stars, several sentences, sarcasm, polite closings): at its first run it
   * read 77 of 127 (en 14/22, de 12/21, fr 12/21, es 14/21, pt 13/21, ja 12/21) — that is the
   * generalisation figure. The reader was then fixed by class on its misses, so what it reads now
   * (120 of 127) is no longer one; the floor only keeps the fixes. Of the seven it still misreads,
   * six are sarcasm or worse-than-before ("oh great, broken again 🙄") now read as not fixed
   * without a comment, so that "what went wrong?" still comes, and "jein, mal so mal so" is not
   * fixed (only partly fixed) rather than the unclear the set expected.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheFourthSet() throws IOException {
    score("/survey/heldout4-2026-12-07.tsv", 120, 0.9);
  }

  /**
   * The fifth set, written 2026-12-07 and committed before it was run (sarcasm, numbers in words,
   * corrections, conditional answers, a different problem named, polite closings, very short
   * replies, Japanese casual and keigo): at its first run it read 109 of 153 (en 20/28, de 18/25,
   * fr 18/25, es 18/25, pt 20/25, ja 15/25) — that is the generalisation figure. The reader was
   * then fixed by class on its misses, so what it reads now (151 of 153) is no longer one; the
   * floor only keeps the fixes.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheFifthSet() throws IOException {
    score("/survey/heldout5-2026-12-07.tsv", 150, 0.9);
  }

  /**
   * The sixth set, written 2026-12-07 and committed before it was run (regional speech, phone
   * typing, replies in another language, opt-outs mid-survey, other star shapes, requests at
   * "anything else?"): at its first run it read 119 of 157 (en 19/27, de 17/26, fr 20/26, es 21/26,
   * pt 23/26, ja 19/26) — that is the generalisation figure. The reader was then fixed by class on
   * its misses, so what it reads now (156 of 157) is no longer one; the floor only keeps the fixes.
   * Its one miss, "pantoute, ca plante encore", is read as not fixed without a comment ("ça plante
   * encore" says "still crashing" again, as "no, still broken" does) where the set expected the
   * words kept.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheSixthSet() throws IOException {
    score("/survey/heldout6-2026-12-07.tsv", 150, 0.9);
  }

  /**
   * The seventh set, written 2026-12-07 and committed before it was run (phone answers: rambling
   * replies mixing answer and story, answers to the wrong question, corrections, scores in words,
   * other scripts and school marks, formal registers, emoji only, questions back, typos and
   * autocorrect): at its first run it read 97 of 158 (en 15/28, de 17/26, fr 18/26, es 17/26, pt
   * 15/26, ja 15/26) — that is the generalisation figure. The reader was then fixed by class on its
   * misses, so what it reads now (143 of 158: en 23/28, de 25/26, fr 24/26, es 24/26, pt 24/26, ja
   * 23/26) is no longer one; the floor only keeps the fixes. Its misses, and which of them were
   * left as arguable, are listed in docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheSeventhSet() throws IOException {
    score("/survey/heldout7-2026-12-07.tsv", 150, 0.8);
  }

  /**
   * The eighth set, written 2026-12-07 and committed before it was run (plain and common replies at
   * every question: short sentences with a subject, polite sentences, reasons, a hedged yes, not
   * tested yet, questions back, complaints and requests at "anything else?", phone typos, mixed
   * languages): at its first run it read 145 of 169 (en 25/29, de 24/28, fr 21/28, es 25/28, pt
   * 26/28, ja 24/28) — that is the generalisation figure. The reader was then fixed by class on its
   * misses, so what it reads now (162 of 169: en 26/29, de 27/28, fr 28/28, es 27/28, pt 27/28, ja
   * 27/28) is no longer one; the floor only keeps the fixes. Its misses, and which of them were
   * left as arguable, are listed in docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheEighthSet() throws IOException {
    score("/survey/heldout8-2026-12-07.tsv", 160, 0.85);
  }

  /**
   * The ninth set, written 2026-12-07 and committed before it was run (regional varieties and input
   * styles: en-GB/AU/IN, de-AT/CH, fr-BE/CH/Québec, es-ES/AR, pt-PT, Kansai-ben and romaji,
   * full-width characters, voice dictation, mentions and quotes before the answer, signatures and
   * disclaimers after it, hedged, two-part and wrong-question answers): at its first run it read 95
   * of 160 (en 19/34, de 18/26, fr 16/25, es 16/25, pt 14/25, ja 12/25) — that is the
   * generalisation figure. The reader was then fixed by class on its misses, so what it reads now
   * (158 of 160: en 33/34, de 26/26, fr 24/25, es 25/25, pt 25/25, ja 25/25) is no longer one; the
   * floor only keeps the fixes. Its two misses are listed in docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheNinthSet() throws IOException {
    score("/survey/heldout9-2026-12-07.tsv", 160, 0.9);
  }

  /**
   * The tenth set, written 2026-12-07 and committed before it was run (code-switching, chat markup
   * and emoji, numbers that are not scores, unusual scores, multi-line and very short replies,
   * corrections): at its first run it read 131 of 160 (en 24/34, de 24/26, fr 20/25, es 21/25, pt
   * 22/25, ja 20/25) — that is the generalisation figure. The reader was then fixed by class on its
   * misses, so what it reads now (152 of 160: en 32/34, de 26/26, fr 25/25, es 22/25, pt 24/25, ja
   * 23/25) is no longer one; the floor only keeps the fixes. Its eight misses are listed in
   * docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheTenthSet() throws IOException {
    score("/survey/heldout10-2026-12-07.tsv", 160, 0.85);
  }

  /**
   * The eleventh set, written 2026-12-07 and committed before it was run (regional variants, voice
   * and phone typing, answers to the wrong question, negation twists): at its first run it read 105
   * of 160 (en 20/34, de 16/26, fr 18/25, es 15/25, pt 19/25, ja 17/25) — that is the
   * generalisation figure. The reader was then fixed by class on its misses, so what it reads now
   * (145 of 160: en 27/34, de 24/26, fr 23/25, es 24/25, pt 24/25, ja 23/25) is no longer one; the
   * floor only keeps the fixes. Its fifteen misses are listed in docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheEleventhSet() throws IOException {
    score("/survey/heldout11-2026-12-07.tsv", 160, 0.75);
  }

  /**
   * The twelfth set, written 2026-12-07 and committed before it was run (code-switching and
   * loanwords, several answers in one reply, long replies, emoji and stars, timing and change,
   * politeness and hedges): at its first run it read 105 of 160 (en 20/34, de 15/26, fr 18/25, es
   * 17/25, pt 18/25, ja 17/25) — that is the generalisation figure. The reader was then fixed by
   * class on its misses, so what it reads now (149 of 160: en 32/34, de 24/26, fr 23/25, es 23/25,
   * pt 23/25, ja 24/25) is no longer one; the floor only keeps the fixes. Its eleven misses are
   * listed in docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheTwelfthSet() throws IOException {
    score("/survey/heldout12-2026-12-07.tsv", 160, 0.9);
  }

  /**
   * The thirteenth set, written 2026-12-08 and committed before it was run (phone typing: typos,
   * missing accents, autocorrect and IME slips, ALL CAPS, voice dictation; chat slang per language;
   * regional variants; formal and informal; double negatives and negative questions; "no problem"
   * as a yes or as nothing-else; answers at every step): at its first run it read 117 of 163 (en
   * 28/35, de 20/26, fr 16/26, es 18/26, pt 19/25, ja 16/25) — that is the generalisation figure.
   * The reader was then fixed by class on its misses, so what it reads now (151 of 163: en 31/35,
   * de 25/26, fr 23/26, es 25/26, pt 24/25, ja 23/25) is no longer one; the floor only keeps the
   * fixes. Its twelve misses are listed in docs/language.md.
   */
  @Test
  void eachLanguageKeepsItsScoreOnTheThirteenthSet() throws IOException {
    score("/survey/heldout13-2026-12-08.tsv", 160, 0.85);
  }

  private static void score(String resource, int atLeast, double floor) throws IOException {
    List<TypedAnswerTableTest.Row> rows = TypedAnswerTableTest.rows(resource);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(atLeast);
    Map<String, int[]> scores = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (TypedAnswerTableTest.Row row : rows) {
      String got = TypedAnswerTableTest.read(row.question(), row.reply());
      int[] s = scores.computeIfAbsent(row.language(), l -> new int[2]);
      s[1]++;
      if (got.equals(row.reading())) {
        s[0]++;
      } else {
        misses.add(
            row.language()
                + " "
                + row.question()
                + ": \""
                + row.reply()
                + "\" expected "
                + row.reading()
                + ", got "
                + got);
      }
    }
    StringBuilder report = new StringBuilder(resource + ":");
    int ok = 0;
    for (Map.Entry<String, int[]> e : scores.entrySet()) {
      report.append(' ').append(e.getKey()).append(' ').append(e.getValue()[0]);
      report.append('/').append(e.getValue()[1]);
      ok += e.getValue()[0];
    }
    report.append(" — total ").append(ok).append('/').append(rows.size());
    System.out.println(report);
    misses.forEach(m -> System.out.println("  miss: " + m));
    assertThat(scores.values())
        .as(report + "\n" + String.join("\n", misses))
        .allSatisfy(s -> assertThat((double) s[0] / s[1]).isGreaterThanOrEqualTo(floor));
  }
}
