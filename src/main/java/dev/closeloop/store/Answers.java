package dev.closeloop.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/** SQL for {@code answers}: one per (survey, kind); the first answer is kept. */
public final class Answers {
  private final Handle h;

  public Answers(Handle h) {
    this.h = h;
  }

  /** Records an answer unless the survey already has one of this kind; true when recorded. */
  public boolean record(long surveyId, String kind, String answer, Instant at) {
    return h.createUpdate(
                """
            INSERT INTO answers (survey_id, kind, answer, at)
            SELECT :surveyId, :kind, :answer, :at
            WHERE NOT EXISTS (SELECT 1 FROM answers WHERE survey_id = :surveyId AND kind = :kind)
            """)
            .bind("surveyId", surveyId)
            .bind("kind", kind)
            .bind("answer", answer)
            .bind("at", at)
            .execute()
        == 1;
  }

  /**
   * Replaces the text of the survey's answer of this kind (a comment with more words added to it),
   * with its time; its language is found again. False when there is no such answer.
   */
  public boolean replace(long surveyId, String kind, String answer, Instant at) {
    return h.createUpdate(
                """
            UPDATE answers SET answer = :answer, at = :at, lang = NULL
            WHERE survey_id = :surveyId AND kind = :kind
            """)
            .bind("surveyId", surveyId)
            .bind("kind", kind)
            .bind("answer", answer)
            .bind("at", at)
            .execute()
        == 1;
  }

  /**
   * Stores the language of the survey's answer of this kind, as {@code detect} reads its text (""
   * for none), unless it was stored already; does nothing when there is no such answer.
   */
  public void noteLanguage(long surveyId, String kind, UnaryOperator<String> detect) {
    Optional<String> text =
        h.createQuery(
                "SELECT answer FROM answers WHERE survey_id = :surveyId AND kind = :kind AND lang IS NULL")
            .bind("surveyId", surveyId)
            .bind("kind", kind)
            .mapTo(String.class)
            .findOne();
    if (text.isPresent()) {
      h.createUpdate(
              "UPDATE answers SET lang = :lang WHERE survey_id = :surveyId AND kind = :kind AND lang IS NULL")
          .bind("lang", detect.apply(text.get()))
          .bind("surveyId", surveyId)
          .bind("kind", kind)
          .execute();
    }
  }

  public List<AnswerRow> forSurvey(long surveyId) {
    return h.createQuery("SELECT * FROM answers WHERE survey_id = :id ORDER BY at, id")
        .bind("id", surveyId)
        .mapTo(AnswerRow.class)
        .list();
  }

  public List<AnswerRow> forSurveys(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT * FROM answers WHERE survey_id IN (<ids>) ORDER BY at, id")
        .bindList("ids", List.copyOf(ids))
        .mapTo(AnswerRow.class)
        .list();
  }
}
