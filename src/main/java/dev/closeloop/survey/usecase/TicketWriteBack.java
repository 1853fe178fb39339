package dev.closeloop.survey.usecase;

import dev.closeloop.store.SurveyRow;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.ReopenMode;
import dev.closeloop.survey.Transition;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What a survey's answers do in the ticket's own helpdesk, in the same transaction as the answer:
 * the ticket feature writes them back (the result as a note, the reopen, a request as a new
 * ticket).
 */
public interface TicketWriteBack {
  /** Nothing is written back: no reopen is offered. */
  TicketWriteBack NONE =
      new TicketWriteBack() {
        @Override
        public ReopenMode reopenMode(String source) {
          return ReopenMode.NEVER;
        }

        @Override
        public void conversationChanged(
            Handle h, SurveyRow s, Conversation before, Transition t, Instant now) {}

        @Override
        public void surveyExpired(Handle h, SurveyRow s, Instant now) {}
      };

  /** What "not fixed" does to a ticket from {@code source}. */
  ReopenMode reopenMode(String source);

  /** A survey's conversation changed: the reopen decided, the survey ended, a request made. */
  void conversationChanged(Handle h, SurveyRow s, Conversation before, Transition t, Instant now);

  /** A survey closed by time (with or without answers). */
  void surveyExpired(Handle h, SurveyRow s, Instant now);
}
