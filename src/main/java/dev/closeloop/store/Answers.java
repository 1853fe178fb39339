package dev.closeloop.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
