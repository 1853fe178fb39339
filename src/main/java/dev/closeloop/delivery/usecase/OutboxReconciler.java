package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.store.Outbox;
import dev.closeloop.store.OutboxRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up on the platform, before any send, the rows whose outcome is not known: those left in
 * flight by a crash and the unconfirmed ones (no answer in time) that are due. Found: recorded as
 * sent; not found: sent again (in flight) or retried as a failed attempt (unconfirmed).
 */
final class OutboxReconciler {
  private static final Logger log = LoggerFactory.getLogger(OutboxReconciler.class);
  private static final int BATCH = 500;

  private final PlatformId id;
  private final ChatPlatform platform;
  private final Jdbi jdbi;
  private final OutboxLedger ledger;
  private final Clock clock;

  OutboxReconciler(
      PlatformId id, ChatPlatform platform, Jdbi jdbi, OutboxLedger ledger, Clock clock) {
    this.id = id;
    this.platform = platform;
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Before sending, this platform's rows whose outcome is not known are looked up on it: rows left
   * in flight by a crash, and unconfirmed rows (no answer in time) that are due.
   */
  void reconcileAll() {
    Instant now = clock.instant();
    List<OutboxRow> rows =
        jdbi.withHandle(
            h -> {
              Outbox outbox = new Outbox(h);
              List<OutboxRow> all = new ArrayList<>(outbox.inflight(id.wire(), BATCH));
              all.addAll(outbox.unconfirmedDue(id.wire(), now, BATCH));
              return all;
            });
    for (OutboxRow row : rows) {
      if (!ledger.awaitingBookkeeping(row.id())) {
        OutboxDispatcher.isolated(row, () -> reconcile(row, now));
      }
    }
  }

  private void reconcile(OutboxRow row, Instant now) {
    Outgoing outgoing;
    try {
      outgoing = OutgoingCodec.decode(row.payload());
    } catch (IllegalArgumentException e) {
      ledger.poison(row, e.getMessage(), now);
      return;
    }
    boolean unconfirmed = OutboxRow.UNCONFIRMED.equals(row.state());
    Optional<MessageRef> found;
    try {
      found = outgoing instanceof Outgoing.Update ? Optional.empty() : platform.reconcile(outgoing);
    } catch (DeliveryException | RuntimeException e) {
      String error = e instanceof DeliveryException ? e.getMessage() : e.toString();
      log.warn(
          "event=outbox_reconcile_failed id={} key={} error={} will=retry_next_run",
          row.id(),
          row.msgKey(),
          error);
      if (unconfirmed) {
        ledger.recheckLater(row, "could not look it up: " + error, now);
      }
      return;
    }
    if (found.isPresent()) {
      log.info("event=outbox_reconciled id={} key={} outcome=already_sent", row.id(), row.msgKey());
      ledger.sent(row, found.get(), now);
    } else if (unconfirmed) {
      log.info(
          "event=outbox_reconciled id={} key={} outcome=not_sent will=retry_as_a_failed_attempt",
          row.id(),
          row.msgKey());
      ledger.failed(
          row, DeliveryException.transientFailure("not delivered: " + row.lastError(), null), now);
    } else {
      log.info(
          "event=outbox_reconciled id={} key={} outcome=not_sent will=resend",
          row.id(),
          row.msgKey());
      ledger.released(row, now);
    }
  }
}
