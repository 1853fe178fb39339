package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.store.OutboxRow;
import dev.closeloop.store.Surveys;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Where a row's send goes and what it occupies while in flight. */
final class OutboxTargets {
  private OutboxTargets() {}

  /** What a send occupies: its conversation (user or channel) and its survey. */
  static List<String> busyKeys(OutboxRow row, Outgoing o) {
    List<String> keys = new ArrayList<>(2);
    if (o instanceof Outgoing.DirectMessage d) {
      keys.add("user:" + d.userId());
    } else if (o instanceof Outgoing.ChannelPost p) {
      keys.add("channel:" + p.channelId());
    } else if (o instanceof Outgoing.Update u && u.target() != null) {
      keys.add("channel:" + u.target().channelId());
    } else if (o instanceof Outgoing.Image i) {
      keys.add("channel:" + i.channelId());
    }
    if (row.surveyId() != null) {
      keys.add(surveyKey(row.surveyId()));
    }
    return keys;
  }

  /** The busy key every row of one survey shares: its messages go one at a time, in order. */
  static String surveyKey(long surveyId) {
    return "survey:" + surveyId;
  }

  /**
   * Fills in the survey message as the target of an update that names none; null if not sent yet.
   */
  static Outgoing withTarget(Jdbi jdbi, Outgoing o, OutboxRow row) {
    if (o instanceof Outgoing.Update u && u.target() == null && row.surveyId() != null) {
      var survey = jdbi.withHandle(h -> new Surveys(h).find(row.surveyId())).orElse(null);
      if (survey == null || survey.messageId() == null) {
        return null;
      }
      return new Outgoing.Update(
          u.key(), new MessageRef(survey.messageChannel(), survey.messageId()), u.message());
    }
    return o;
  }
}
