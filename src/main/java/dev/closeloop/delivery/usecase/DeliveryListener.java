package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.store.OutboxRow;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that marks an outbox row sent or dead, what became of it (the
 * survey's first DM accepted → the survey is sent; dead → skipped with a reason).
 */
public interface DeliveryListener {
  void sent(Handle h, OutboxRow row, MessageRef ref, Instant now);

  void dead(Handle h, OutboxRow row, DeliveryException.Kind kind, Instant now);

  /**
   * Told, after it is recorded, that a send of {@code row} failed ({@code dead}: for good). Outside
   * any transaction; for reporting (job health), not for state.
   */
  default void failed(OutboxRow row, DeliveryException e, boolean dead, Instant now) {}
}
