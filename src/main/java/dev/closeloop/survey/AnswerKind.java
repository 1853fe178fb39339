package dev.closeloop.survey;

/** The stored kinds of answer (docs/reference.md: fixed | rating | comment | request). */
public enum AnswerKind {
  FIXED,
  RATING,
  COMMENT,
  REQUEST;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
