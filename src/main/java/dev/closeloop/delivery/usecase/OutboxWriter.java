package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.store.Outbox;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Queues one outbound chat action as an outbox row, in the caller's transaction. The row's key is
 * the action's: adding a key twice adds it once.
 */
public final class OutboxWriter {
  private OutboxWriter() {}

  /** True when the row was added (false: a row with this key was already there). */
  public static boolean enqueue(
      Handle h,
      PlatformId platform,
      Outgoing o,
      Long surveyId,
      String purpose,
      Instant notBefore,
      Instant now) {
    String kind = o.getClass().getSimpleName().toLowerCase();
    return new Outbox(h)
        .enqueue(
            new Outbox.New(
                o.key(),
                platform.wire(),
                kind,
                OutgoingCodec.encode(o),
                surveyId,
                purpose,
                notBefore),
            now);
  }
}
