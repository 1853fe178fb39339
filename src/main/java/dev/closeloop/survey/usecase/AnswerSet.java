package dev.closeloop.survey.usecase;

import dev.closeloop.store.AnswerRow;
import java.util.List;

/** A survey's first answers, typed: read once here instead of in every view. */
public record AnswerSet(Boolean fixed, Integer rating, String comment, String request) {
  public static AnswerSet of(List<AnswerRow> rows) {
    String fixed = null;
    String rating = null;
    String comment = null;
    String request = null;
    for (AnswerRow a : rows) {
      switch (a.kind()) {
        case "fixed" -> fixed = a.answer();
        case "rating" -> rating = a.answer();
        case "comment" -> comment = a.answer();
        case "request" -> request = a.answer();
        default -> {}
      }
    }
    return of(fixed, rating, comment, request);
  }

  /** From the stored text of each answer, null when not answered. */
  public static AnswerSet of(String fixed, String rating, String comment, String request) {
    return new AnswerSet(
        fixed == null ? null : Boolean.valueOf(fixed),
        rating == null ? null : Integer.valueOf(rating),
        comment,
        request);
  }
}
