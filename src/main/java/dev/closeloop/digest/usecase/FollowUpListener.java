package dev.closeloop.digest.usecase;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told, in the transaction that records it, that someone took or followed up an incident from the
 * digest: the ticket feature writes it onto the ticket.
 */
public interface FollowUpListener {
  /** Nothing else happens. */
  FollowUpListener NONE =
      new FollowUpListener() {
        @Override
        public void taken(Handle h, long surveyId, String who, Instant now) {}

        @Override
        public void followedUp(Handle h, long surveyId, String who, String note, Instant now) {}
      };

  /** "I'll take it". */
  void taken(Handle h, long surveyId, String who, Instant now);

  /** "Followed up", with the note given (or null). */
  void followedUp(Handle h, long surveyId, String who, String note, Instant now);
}
