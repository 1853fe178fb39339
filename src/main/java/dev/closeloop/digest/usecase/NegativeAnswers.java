package dev.closeloop.digest.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.digest.CommentClassifier;
import dev.closeloop.digest.CommentLanguage;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.store.Answers;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.SurveyFlow;
import dev.closeloop.survey.usecase.AnswerListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Opens an incident when a survey's answers turn negative (by the answers or by the comment's
 * wording, judged in the requester's language) or carry a request, and posts the immediate alert
 * for the worst answers when {@code digest.alertImmediately}.
 */
public final class NegativeAnswers implements AnswerListener {
  private final Config config;
  private final SurveyFlow flow;
  private final CommentClassifier classifier;
  private final Map<PlatformId, ?> platforms;
  private final dev.closeloop.language.Words words;
  private final DigestBuilder digest;

  public NegativeAnswers(
      Config config, SurveyFlow flow, CommentClassifier classifier, Map<PlatformId, ?> platforms) {
    this.config = config;
    this.flow = flow;
    this.classifier = classifier;
    this.platforms = platforms;
    this.digest = DigestService.builder(config);
    this.words = digest.words();
  }

  @Override
  public void answersChanged(Handle h, long surveyId, String locale, Conversation c, Instant now) {
    boolean negative =
        flow.negativeByAnswers(c)
            || c.comment() != null
                && (locale == null
                    ? classifier.isNegative(c.comment())
                    : classifier.isNegative(c.comment(), locale));
    if (c.comment() != null) {
      // found once, as it is stored: the digest marks the quoted comment with it every morning
      new Answers(h)
          .noteLanguage(surveyId, "comment", text -> CommentLanguage.detect(text).orElse(""));
    }
    Incidents inc = new Incidents(h);
    if (negative) {
      if (inc.open(surveyId, IncidentRow.NEGATIVE, now)) {
        opened(h, surveyId, c, now);
      }
    } else if (c.request() != null) {
      inc.open(surveyId, IncidentRow.REQUEST, now);
    }
  }

  /** A new negative: post the immediate alert when configured and it is among the worst. */
  private void opened(Handle h, long surveyId, Conversation c, Instant now) {
    boolean worst = Boolean.FALSE.equals(c.fixed()) || c.rating() != null && c.rating() == 1;
    if (!config.digest().alertImmediately() || !worst) {
      return;
    }
    IncidentRow i = new Incidents(h).find(surveyId).orElseThrow();
    if (i.alerted()) {
      return;
    }
    SurveyRow s = new Surveys(h).find(surveyId).orElseThrow();
    DigestEntry entry = IncidentViews.entry(h, s, i);
    List<Block> blocks = new ArrayList<>();
    blocks.add(new ChatMessage.Header(words.t("alertHeading")));
    blocks.addAll(digest.entryBlocks(entry, now));
    ChatMessage alert = new ChatMessage(words.t("alertFallback", "ticket", s.ticketId()), blocks);
    for (DigestTargets.Target t : DigestTargets.of(config, platforms)) {
      if (t.team() != null && !t.team().equals(s.team())) {
        continue;
      }
      OutboxWriter.enqueue(
          h,
          t.platform(),
          new Outgoing.ChannelPost(
              "al" + surveyId + "-" + t.platform().wire() + "-" + t.channelId(),
              t.channelId(),
              alert),
          null,
          "alert",
          now,
          now);
    }
    new Incidents(h).markAlerted(surveyId);
  }
}
