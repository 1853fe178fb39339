package dev.closeloop.ticket.writeback;

import dev.closeloop.ticket.writeback.WriteOutcome.Done;
import java.util.regex.Pattern;

/**
 * The shape every helpdesk client shares: a note and a follow-up are both internal notes, a reopen
 * and a request have their own call, and any failed call ends the write with its outcome ({@link
 * HelpdeskHttp.Stop}).
 */
abstract class ApiWriter implements HelpdeskWriter {

  @Override
  public final WriteOutcome write(Write write) {
    return HelpdeskHttp.attempt(
        () -> {
          if (write instanceof Write.Reopen r) {
            return reopen(r);
          }
          if (write instanceof Write.Request r) {
            return create(r);
          }
          return note(write);
        });
  }

  @Override
  public final LookUp lookUp(Write write) {
    return HelpdeskHttp.lookUp(
        () -> write instanceof Write.Request r ? findCreated(r) : findNote(write));
  }

  /** A {@link Write.Note} or {@link Write.FollowUp}: {@code write.text()} as an internal note. */
  abstract Done note(Write write);

  abstract Done reopen(Write.Reopen reopen);

  abstract Done create(Write.Request request);

  /** The note (of a note, follow-up or reopen) carrying {@code write.marker()}, if any. */
  abstract LookUp findNote(Write write);

  /** The ticket created for {@code request}, found by its marker, if any. */
  abstract LookUp findCreated(Write.Request request);

  /**
   * {@code id} when it has the system's shape: ids arrive in webhooks and become part of API paths,
   * so nothing else (a slash, {@code ..}) may reach a request.
   */
  static String checked(String id, Pattern shape, String what) {
    if (id == null || !shape.matcher(id).matches()) {
      throw new HelpdeskHttp.Stop(
          0, new WriteOutcome.Rejected("'" + id + "' is not " + what + "; nothing was sent"));
    }
    return id;
  }
}
