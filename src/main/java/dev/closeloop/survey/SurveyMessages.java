package dev.closeloop.survey;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Button.Style;
import dev.closeloop.chat.ChatMessage.Card;
import dev.closeloop.chat.ChatMessage.Context;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.chat.ChatMessage.Text;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.language.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders what the requester sees, in their language: the survey DM (ticket id and title, fixed /
 * not-fixed and 1–5 buttons in one message, answered questions shown as answered), the "anything
 * else?" question, dialogs and short replies. Every text, button labels included, comes from the
 * requester bundle ({@link Words}). Action ids: {@code cl:s:<survey>:<what>[:<value>]}; only rating
 * buttons end in a digit.
 */
public final class SurveyMessages {
  private final Words words;

  /** {@code {when}}: when the team's next daily review is, in the requester's words. */
  private final String when;

  /** Texts that promise the next review say "tomorrow morning", the default digest time's case. */
  public SurveyMessages(Words words) {
    this(words, null, null);
  }

  /**
   * @param now this moment
   * @param nextReview when the next digest is posted: the texts that say when the team will see an
   *     answer ("in tomorrow morning's review") say the day it really is, in the requester's zone,
   *     and "morning" only when it is before noon there
   */
  public SurveyMessages(Words words, Instant now, Instant nextReview) {
    this.words = words;
    this.when = words.t("reviewWhen", "when", when(now, nextReview, words.zone()));
  }

  /** {@code today}, {@code todayMorning}, {@code tomorrow} or {@code tomorrowMorning}. */
  static String when(Instant now, Instant nextReview, java.time.ZoneId zone) {
    if (now == null || nextReview == null) {
      return "tomorrowMorning";
    }
    java.time.ZonedDateTime at = nextReview.atZone(zone);
    boolean today = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (today ? "today" : "tomorrow") + (at.getHour() < 12 ? "Morning" : "");
  }

  /**
   * The facts a survey message shows.
   *
   * @param again the ticket was closed again after its requester had it reopened: the survey asks
   *     whether it worked this time
   * @param optedOut the requester has opted out: the survey still takes their answers, but no
   *     longer offers "Stop asking me"
   */
  public record View(
      long surveyId,
      String ticketId,
      String title,
      String url,
      String requesterName,
      Instant closedAt,
      Conversation conversation,
      boolean closed,
      boolean again,
      boolean optedOut) {

    public View(
        long surveyId,
        String ticketId,
        String title,
        String url,
        String requesterName,
        Instant closedAt,
        Conversation conversation,
        boolean closed) {
      this(
          surveyId,
          ticketId,
          title,
          url,
          requesterName,
          closedAt,
          conversation,
          closed,
          false,
          false);
    }
  }

  public static String action(long surveyId, String what) {
    return "cl:s:" + surveyId + ":" + what;
  }

  public Words words() {
    return words;
  }

  public String lang() {
    return words.lang();
  }

  public ChatMessage survey(View v) {
    Conversation c = v.conversation();
    List<Block> blocks = new ArrayList<>();
    String ticketLine =
        v.title() == null || v.title().isBlank() ? v.ticketId() : v.ticketId() + " · " + v.title();
    blocks.add(
        new Card(
            ticketLine,
            v.url(),
            List.of(new Span.Plain(t(v.again() ? "introAgain" : "intro", v)))));
    boolean open = !v.closed() && !c.finished();
    String fixedQuestion = t(v.again() ? "fixedQuestionAgain" : "fixedQuestion", v);
    String ratingQuestion = t("ratingQuestion", v);
    if (c.fixed() == null && open) {
      blocks.add(Text.plain(fixedQuestion));
      blocks.add(
          new Actions(
              List.of(
                  new Button(
                      action(v.surveyId(), "fixed:yes"),
                      t("fixedYesButton", v),
                      "yes",
                      Style.PRIMARY),
                  new Button(
                      action(v.surveyId(), "fixed:no"),
                      t("fixedNoButton", v),
                      "no",
                      Style.DANGER))));
    } else if (c.fixed() != null) {
      blocks.add(answered(fixedQuestion, t(c.fixed() ? "fixedYesAnswer" : "fixedNoAnswer", v)));
    }
    if (c.rating() == null && open) {
      blocks.add(Text.plain(ratingQuestion));
      List<Button> scores = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        scores.add(
            new Button(
                action(v.surveyId(), "rate:" + i),
                Integer.toString(i),
                Integer.toString(i),
                Style.DEFAULT));
      }
      blocks.add(new Actions(scores));
    } else if (c.rating() != null) {
      blocks.add(answered(ratingQuestion, words.t("ratingAnswer", "score", c.rating())));
    }
    if (c.comment() != null) {
      blocks.add(labelled(t("yourComment", v), c.comment()));
    }
    if (c.request() != null) {
      blocks.add(labelled(t("yourRequest", v), c.request()));
    }
    if (open) {
      List<Button> extras = new ArrayList<>();
      if (c.comment() == null) {
        extras.add(
            new Button(
                action(v.surveyId(), "more"), t("tellUsMoreButton", v), "more", Style.DEFAULT));
      }
      if (!v.optedOut()) {
        extras.add(
            new Button(action(v.surveyId(), "stop"), t("stopButton", v), "stop", Style.DEFAULT));
      }
      if (!extras.isEmpty()) {
        blocks.add(new Actions(extras));
      }
    } else {
      blocks.add(new Context(c.finished() ? t("surveyComplete", v) : t("expired", v)));
    }
    return new ChatMessage(
        words.t(
            "surveyNotification",
            "ticket",
            ticketLine,
            "fixedQuestion",
            fixedQuestion,
            "ratingQuestion",
            ratingQuestion),
        blocks);
  }

  /** A question and its answer: the answer (ours) in bold. */
  private static Text answered(String question, String answer) {
    return new Text(List.of(new Span.Plain(question + " "), new Span.Bold(answer)));
  }

  /** A label (ours, bold) and what the person wrote (plain: never inside emphasis). */
  private static Text labelled(String label, String userText) {
    return new Text(List.of(new Span.Bold(label), new Span.Plain(" " + userText)));
  }

  public ChatMessage anythingElse(long surveyId) {
    String question = words.t("anythingElse");
    return new ChatMessage(
        question,
        List.of(
            Text.plain(question),
            new Actions(
                List.of(
                    new Button(
                        action(surveyId, "else:yes"),
                        words.t("elseYesButton"),
                        "yes",
                        Style.PRIMARY),
                    new Button(
                        action(surveyId, "else:no"),
                        words.t("elseNoButton"),
                        "no",
                        Style.DEFAULT)))));
  }

  /** "Anything else?" once answered: the question with the person's answer, no buttons. */
  public ChatMessage anythingElseAnswered(boolean yes) {
    String question = words.t("anythingElse");
    return new ChatMessage(
        question, List.of(answered(question, words.t(yes ? "elseYesButton" : "elseNoButton"))));
  }

  /**
   * "Shall I reopen the ticket?" with "Reopen the ticket" / "No, leave it closed"; {@code
   * apologise} when the conversation has not said sorry yet.
   */
  public ChatMessage reopenOffer(View v, boolean apologise) {
    String question = t(apologise ? "reopenOffer" : "reopenOfferPlain", v);
    return new ChatMessage(
        question,
        List.of(
            Text.plain(question),
            new Actions(
                List.of(
                    new Button(
                        action(v.surveyId(), "reopen:yes"),
                        t("reopenYesButton", v),
                        "yes",
                        Style.PRIMARY),
                    new Button(
                        action(v.surveyId(), "reopen:no"),
                        t("reopenNoButton", v),
                        "no",
                        Style.DEFAULT)))));
  }

  /** "Shall I reopen the ticket?" once answered: the question with the answer, no buttons. */
  public ChatMessage reopenAnswered(View v, boolean yes) {
    String question = t("reopenOfferPlain", v);
    return new ChatMessage(
        question, List.of(answered(question, t(yes ? "reopenYesButton" : "reopenNoButton", v))));
  }

  public ChatMessage reminder(View v) {
    return ChatMessage.plainText(t("reminder", v));
  }

  public ChatMessage followedUp(View v) {
    return ChatMessage.plainText(t("followedUp", v));
  }

  public InteractionReply.OpenModal commentModal(long surveyId) {
    return modal(action(surveyId, "more"), "comment");
  }

  public InteractionReply.OpenModal requestModal(long surveyId) {
    return modal(action(surveyId, "request"), "request");
  }

  private InteractionReply.OpenModal modal(String id, String which) {
    return new InteractionReply.OpenModal(
        id,
        words.t(which + "ModalTitle"),
        words.t(which + "ModalLabel"),
        words.t(which + "ModalPlaceholder"),
        words.t("modalSubmit"),
        words.t("modalCancel"));
  }

  /** The words for a {@link Say}, about the survey {@code v} (null outside a survey). */
  public String text(Say say, View v) {
    String key =
        switch (say) {
          case WHAT_WENT_WRONG -> "whatWentWrong";
          case WHAT_WENT_WRONG_AFTER_REOPEN -> "whatWentWrongAfterReopen";
          case REOPENING_WHAT_WENT_WRONG -> "reopeningWhatWentWrong";
          case REOPEN_OFFER -> "reopenOffer";
          case REOPEN_OFFER_PLAIN -> "reopenOfferPlain";
          case REOPEN_UNCLEAR -> "reopenUnclear";
          case STAYS_CLOSED -> "staysClosed";
          case REOPENING -> "reopening";
          case THANKS_FOR_COMMENT -> "thanksForComment";
          case COMMENT_NOTED -> "commentNoted";
          case COMMENT_ADDED -> "commentAdded";
          case ANYTHING_ELSE -> "anythingElse";
          case REQUEST_PROMPT -> "requestPrompt";
          case REQUEST_NOTED -> "requestNoted";
          case CLOSING_POSITIVE -> "closingPositive";
          case CLOSING_NEGATIVE -> "closingNegative";
          case ALREADY_ANSWERED -> "alreadyAnswered";
          case SURVEY_CLOSED -> "surveyClosed";
          case SURVEY_NOT_OPEN_YET -> "surveyNotOpenYet";
          case NOT_UNDERSTOOD -> "notUnderstood";
          case ELSE_NOT_UNDERSTOOD -> "elseNotUnderstood";
          case NOT_SURE_YET -> "notSureYet";
          case OPTED_OUT -> "optedOut";
        };
    return v == null ? t(key, new Object[0]) : t(key, v);
  }

  public String text(Say say) {
    return text(say, null);
  }

  /** A requester text that needs no survey facts. */
  public String t(String key, Object... pairs) {
    Object[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
    all[pairs.length] = "when";
    all[pairs.length + 1] = when;
    return words.t(key, all);
  }

  /** A requester text about a survey: its facts are there for any override to use. */
  private String t(String key, View v) {
    boolean hasName = v.requesterName() != null && !v.requesterName().isBlank();
    boolean hasTitle = v.title() != null && !v.title().isBlank();
    return words.t(
        key,
        "when",
        when,
        "name",
        hasName ? v.requesterName() : "",
        "hasName",
        hasName ? "yes" : "no",
        "ticket",
        v.ticketId(),
        "title",
        hasTitle ? v.title() : "",
        "hasTitle",
        hasTitle ? "yes" : "no",
        "closed",
        v.closedAt() == null ? Instant.EPOCH : v.closedAt());
  }
}
