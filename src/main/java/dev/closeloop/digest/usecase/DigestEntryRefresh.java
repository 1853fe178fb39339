package dev.closeloop.digest.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Keeps every copy of a digest entry true: when an incident is taken or followed up, the entry is
 * re-rendered in each digest or alert message that shows it (all channels, last 30 days) and an
 * edit of that message is queued.
 */
final class DigestEntryRefresh {
  private final DigestBuilder digest;

  DigestEntryRefresh(DigestBuilder digest) {
    this.digest = digest;
  }

  /**
   * The digest and alert messages of the last 30 days that show an entry ({@code :m}, its action id
   * prefix). On {@code outbox_purpose}: not every survey DM ever sent.
   */
  static final String SHOWING =
      """
      SELECT * FROM outbox WHERE purpose IN ('digest', 'alert') AND state = 'sent'
        AND payload LIKE :m AND created_at >= :since ORDER BY id
      """;

  /** Re-renders this entry in every digest message that shows it (all channels). */
  void refresh(Handle h, long surveyId, Instant now) {
    IncidentRow i = new Incidents(h).find(surveyId).orElseThrow();
    SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
    DigestEntry entry = IncidentViews.entry(h, s, i);
    List<Block> fresh = digest.entryBlocks(entry, now);
    String marker = "cl:i:" + surveyId + ":";
    List<OutboxRow> rows =
        h.createQuery(SHOWING)
            .bind("m", "%" + marker + "%")
            .bind("since", now.minus(java.time.Duration.ofDays(30)))
            .mapTo(OutboxRow.class)
            .list();
    for (OutboxRow row : rows) {
      Outgoing o = OutgoingCodec.decode(row.payload());
      if (!(o instanceof Outgoing.ChannelPost post)) {
        continue;
      }
      ChatMessage updated = replaceEntry(post.message(), marker, fresh);
      String payload =
          OutgoingCodec.encode(new Outgoing.ChannelPost(post.key(), post.channelId(), updated));
      h.createUpdate("UPDATE outbox SET payload = :p WHERE id = :id")
          .bind("p", payload)
          .bind("id", row.id())
          .execute();
      String state = (i.owner() != null ? "o" : "") + (i.followedUpAt() != null ? "f" : "");
      OutboxWriter.enqueue(
          h,
          PlatformId.fromWire(row.platform()),
          new Outgoing.Update(
              "dg" + row.id() + "-" + surveyId + "-" + state,
              new MessageRef(row.messageChannel(), row.messageId()),
              updated),
          null,
          "update",
          now,
          now);
    }
  }

  /** Replaces the card + actions of the entry whose buttons carry {@code marker}. */
  static ChatMessage replaceEntry(ChatMessage message, String marker, List<Block> fresh) {
    List<Block> blocks = new ArrayList<>(message.blocks());
    for (int k = 0; k < blocks.size(); k++) {
      if (blocks.get(k) instanceof ChatMessage.Card && isEntryOf(blocks, k, marker)) {
        boolean hasActions =
            k + 1 < blocks.size()
                && blocks.get(k + 1) instanceof Actions a
                && a.buttons().stream().anyMatch(b -> b.id().startsWith(marker));
        blocks.remove(k);
        if (hasActions) {
          blocks.remove(k);
        }
        blocks.addAll(k, fresh);
        return new ChatMessage(message.fallback(), blocks);
      }
    }
    return message;
  }

  private static boolean isEntryOf(List<Block> blocks, int cardIndex, String marker) {
    if (cardIndex + 1 < blocks.size() && blocks.get(cardIndex + 1) instanceof Actions a) {
      for (Button b : a.buttons()) {
        if (b.id().startsWith(marker)) {
          return true;
        }
      }
    }
    return false;
  }
}
