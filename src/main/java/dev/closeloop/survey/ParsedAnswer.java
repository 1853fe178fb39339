package dev.closeloop.survey;

/**
 * What a typed chat reply means, before the conversation decides what to do with it (which depends
 * on the question that is open). Text fields keep the person's own words.
 */
public sealed interface ParsedAnswer {
  /** A score 1–5, with what followed it ("4 – slow but fine") as a comment, or null. */
  record Rating(int score, String comment) implements ParsedAnswer {}

  /**
   * 👍 / "fixed" / "geht wieder" or 👎 / "still broken", with anything after it as a comment;
   * {@code text} is the whole reply when it was said in words, null for a thumb.
   */
  record Fixed(boolean fixed, String comment, String text) implements ParsedAnswer {
    public Fixed(boolean fixed) {
      this(fixed, null, null);
    }
  }

  /**
   * Starts with a yes ("yes", "ja, bitte", "はい"). {@code rest} is what follows beyond thanks and
   * please (null when nothing does); {@code text} the whole reply.
   */
  record Yes(String rest, String text) implements ParsedAnswer {
    public Yes() {
      this(null, "yes");
    }
  }

  /**
   * Starts with a negative ("no", "nope", "nothing else", "nein danke", "いいえ", "大丈夫です"). {@code
   * closing} when nothing but thanks or a closing phrase follows ("no, that is all"); {@code but}
   * what follows a contrast ("no, but the mouse is broken too"), else null.
   */
  record No(String rest, boolean closing, String but, String text) implements ParsedAnswer {
    public No() {
      this(null, true, null, "no");
    }
  }

  /** Nothing but thanks, praise or a closing phrase ("thanks!", "all good", "passt", "以上です"). */
  record Thanks(String text) implements ParsedAnswer {}

  /**
   * Not to be surveyed again; {@code text} the whole reply when it says more than that ("no more
   * surveys please, the printer still jams": kept as the comment), else null.
   */
  record Stop(String text) implements ParsedAnswer {
    public Stop() {
      this(null);
    }
  }

  record OptIn() implements ParsedAnswer {}

  /**
   * Anything else: a comment or a request. {@code asks} when it reads as asking for something (a
   * question mark, "please", "can you", "brauche", "necesito", "お願い" …); {@code praises} when it
   * holds thanks or praise and no contrast ("the printer works again, thanks"); {@code unsure} when
   * it only says they do not know yet ("not sure yet, haven't tried", "weiß noch nicht").
   */
  record FreeText(String text, boolean asks, boolean praises, boolean unsure)
      implements ParsedAnswer {
    public FreeText(String text) {
      this(text, false, false, false);
    }

    public FreeText(String text, boolean asks, boolean praises) {
      this(text, asks, praises, false);
    }
  }

  /** A number that is not a score 1–5 ("0", "7", "10/10", "4.5"): asked again, never recorded. */
  record Unclear(String text) implements ParsedAnswer {}

  record Empty() implements ParsedAnswer {}

  /**
   * The whole reply of a yes, a no, thanks or free text: the person's own words; null for the rest
   * (a score, a thumb, a fixed answer, which keep their words in fields of their own).
   */
  static String words(ParsedAnswer answer) {
    if (answer instanceof Yes y) {
      return y.text();
    } else if (answer instanceof No n) {
      return n.text();
    } else if (answer instanceof FreeText f) {
      return f.text();
    } else if (answer instanceof Thanks t) {
      return t.text();
    }
    return null;
  }
}
