package dev.closeloop.service;

import dev.closeloop.store.AnswerRow;
import java.util.List;

/** A survey's first answers, typed: read once here instead of in every view. */
record AnswerSet(Boolean fixed, Integer rating, String comment, String request) {
  static AnswerSet of(List<AnswerRow> rows) {
    Boolean fixed = null;
    Integer rating = null;
    String comment = null;
    String request = null;
    for (AnswerRow a : rows) {
      switch (a.kind()) {
        case "fixed" -> fixed = Boolean.valueOf(a.answer());
        case "rating" -> rating = Integer.valueOf(a.answer());
        case "comment" -> comment = a.answer();
        case "request" -> request = a.answer();
        default -> { }
      }
    }
    return new AnswerSet(fixed, rating, comment, request);
  }
}
