package dev.closeloop.survey.usecase;

import dev.closeloop.survey.Conversation;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What else happens when a survey's answers change, in the same transaction: the digest feature
 * opens an incident for a negative reply or a request.
 */
@FunctionalInterface
public interface AnswerListener {
  /**
   * @param locale the requester's locale when the ticket or the platform named it (not a guess)
   */
  void answersChanged(Handle h, long surveyId, String locale, Conversation c, Instant now);
}
