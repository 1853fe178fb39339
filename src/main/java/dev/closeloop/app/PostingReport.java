package dev.closeloop.app;

import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.delivery.usecase.DeliveryListener;
import dev.closeloop.store.OutboxRow;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the outbox's outcomes to the surveys, and reports a team post (digest, alert, weekly) that
 * could not be posted as an error of its job, on {@code /health} and in the log, with the remedy
 * the platform adapter named ("invite the bot to …", "add scope chat:write").
 */
final class PostingReport implements DeliveryListener {
  private static final Logger log = LoggerFactory.getLogger(PostingReport.class);

  private final DeliveryListener surveys;
  private final JobHealth jobs;

  PostingReport(DeliveryListener surveys, JobHealth jobs) {
    this.surveys = surveys;
    this.jobs = jobs;
  }

  @Override
  public void sent(Handle h, OutboxRow row, MessageRef ref, Instant now) {
    surveys.sent(h, row, ref, now);
  }

  @Override
  public void dead(Handle h, OutboxRow row, DeliveryException.Kind kind, Instant now) {
    surveys.dead(h, row, kind, now);
  }

  @Override
  public void failed(OutboxRow row, DeliveryException e, boolean dead, Instant now) {
    String job = job(row.purpose());
    if (job == null || !dead) {
      return; // a retry is still coming; survey DMs show in /admin/outbox
    }
    String channel = channel(row);
    String error =
        "%s could not be posted to %s channel %s: %s%s"
            .formatted(
                job,
                row.platform(),
                channel,
                e.getMessage(),
                e.remedy() == null ? "" : "; to fix: " + e.remedy());
    jobs.failed(job, "", error);
    log.error(
        "event=team_post_failed job={} platform={} channel={} outbox_id={} error={} remedy={} will=retry_with_the_next_{}",
        job,
        row.platform(),
        channel,
        row.id(),
        e.getMessage(),
        e.remedy() == null ? "-" : "\"" + e.remedy() + "\"",
        job);
  }

  private static String job(String purpose) {
    return switch (purpose) {
      case "digest", "alert" -> "digest";
      case "weekly" -> "weekly";
      default -> null;
    };
  }

  private static String channel(OutboxRow row) {
    try {
      Outgoing o = OutgoingCodec.decode(row.payload());
      if (o instanceof Outgoing.ChannelPost p) {
        return p.channelId();
      } else if (o instanceof Outgoing.Image i) {
        return i.channelId();
      }
    } catch (IllegalArgumentException unreadable) {
      // the row's own dead reason says so
    }
    return "?";
  }
}
