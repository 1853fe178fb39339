package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.store.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    return new Outbox(h).enqueue(row(platform, o, surveyId, purpose, notBefore), now);
  }

  /**
   * Queues several actions for one platform, in order, as one batch; how many rows were added (a
   * key already there adds nothing).
   */
  public static int enqueueAll(
      Handle h,
      PlatformId platform,
      List<? extends Outgoing> actions,
      Long surveyId,
      String purpose,
      Instant notBefore,
      Instant now) {
    List<Outbox.New> rows = new ArrayList<>();
    for (Outgoing o : actions) {
      rows.add(row(platform, o, surveyId, purpose, notBefore));
    }
    return new Outbox(h).enqueueAll(rows, now);
  }

  private static Outbox.New row(
      PlatformId platform, Outgoing o, Long surveyId, String purpose, Instant notBefore) {
    return new Outbox.New(
        o.key(),
        platform.wire(),
        o.getClass().getSimpleName().toLowerCase(),
        OutgoingCodec.encode(o),
        surveyId,
        purpose,
        notBefore);
  }
}
