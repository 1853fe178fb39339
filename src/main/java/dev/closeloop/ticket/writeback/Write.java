package dev.closeloop.ticket.writeback;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One write into a helpdesk. The caller composes the words (in the team's language); adapters only
 * translate them into each system's API and add the {@link #marker()} that finds the write again
 * after a crash.
 *
 * <p>Stored as JSON in an outbox row ({@link WriteJson}); {@code kind} names the type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Write.Note.class, name = "note"),
  @JsonSubTypes.Type(value = Write.FollowUp.class, name = "followUp"),
  @JsonSubTypes.Type(value = Write.Reopen.class, name = "reopen"),
  @JsonSubTypes.Type(value = Write.Request.class, name = "request")
})
public sealed interface Write {
  /** The outbox key: the same on every attempt of this write, different for any other write. */
  String key();

  /** The ticket written to; for a {@link Request}, the original ticket. */
  TicketRef ticket();

  /** What agents read: the note, the reason for the reopen, or the new ticket's description. */
  String text();

  /** The token written into the helpdesk with this write, to find it again. */
  default String marker() {
    return Marker.of(key());
  }

  /** {@code note}, {@code followUp}, {@code reopen} or {@code request}: the metrics label. */
  default String kind() {
    if (this instanceof Note) {
      return "note";
    }
    if (this instanceof FollowUp) {
      return "followUp";
    }
    return this instanceof Reopen ? "reopen" : "request";
  }

  /**
   * The survey's result as an internal note.
   *
   * @param text the note as agents read it (answers, comment, link back to Closeloop)
   * @param result the same facts as values, for the generic webhook; may be null
   */
  record Note(String key, TicketRef ticket, String text, SurveyResult result) implements Write {}

  /**
   * The answers behind a {@link Note}; any field may be null.
   *
   * @param link where the survey can be seen in Closeloop
   */
  record SurveyResult(Boolean fixed, Integer score, String comment, String request, String link) {}

  /**
   * "I'll take it" or "Followed up" from the digest, as an internal note.
   *
   * @param by who followed up, as the digest shows them
   * @param message what they wrote, or null
   */
  record FollowUp(String key, TicketRef ticket, String text, String by, Instant at, String message)
      implements Write {}

  /**
   * Reopen the ticket, with an internal note saying why. A ticket already open only gets the note.
   */
  record Reopen(String key, TicketRef ticket, String text) implements Write {}

  /**
   * A new ticket for the requester of {@code ticket}, linked to it.
   *
   * @param requesterEmail the requester's email, where the system wants one (may be null: the
   *     original ticket's requester is used)
   */
  record Request(
      String key,
      TicketRef ticket,
      String requesterEmail,
      String requesterName,
      String title,
      String text)
      implements Write {}
}
