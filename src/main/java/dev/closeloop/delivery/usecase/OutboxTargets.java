package dev.closeloop.delivery.usecase;

import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.store.Outbox;
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

  /** The message an update is for will never exist: the row it waits on was dead-lettered. */
  static final class Gone extends Exception {
    Gone(String message) {
      super(message);
    }
  }

  /**
   * Fills in the message an update that names none is for: the survey's own message, or for an edit
   * that shows a question's answer ({@link Outbox#questionOf}) that question's message; null if not
   * sent yet.
   */
  static Outgoing withTarget(Jdbi jdbi, Outgoing o, OutboxRow row) throws Gone {
    String question = Outbox.questionOf(row.purpose());
    if (o instanceof Outgoing.Update u
        && u.target() == null
        && row.surveyId() != null
        && question != null) {
      var sentQuestion =
          jdbi.withHandle(
              h -> {
                Outbox outbox = new Outbox(h);
                var sent = outbox.lastSent(row.surveyId(), question);
                return sent.isPresent() || outbox.live(row.surveyId(), question) ? sent : null;
              });
      if (sentQuestion == null) {
        throw new Gone("the question message to update was never sent");
      }
      return sentQuestion
          .map(
              q ->
                  (Outgoing)
                      new Outgoing.Update(
                          u.key(), new MessageRef(q.messageChannel(), q.messageId()), u.message()))
          .orElse(null);
    }
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
