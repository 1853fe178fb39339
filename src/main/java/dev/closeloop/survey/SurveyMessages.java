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
import dev.closeloop.config.Config.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders what the requester sees: the survey DM (ticket id and title, fixed / not-fixed and 1–5
 * buttons in one message, answered questions shown as answered), the "anything else?" question, and
 * short replies. Action ids: {@code cl:s:<survey>:<what>[:<value>]}; only rating buttons end in a
 * digit.
 */
public final class SurveyMessages {
  private final Wording words;

  public SurveyMessages(Wording words) {
    this.words = words;
  }

  /** The facts a survey message shows. */
  public record View(
      long surveyId,
      String ticketId,
      String title,
      String url,
      String requesterName,
      Conversation conversation,
      boolean closed) {}

  public static String action(long surveyId, String what) {
    return "cl:s:" + surveyId + ":" + what;
  }

  public ChatMessage survey(View v) {
    Conversation c = v.conversation();
    List<Block> blocks = new ArrayList<>();
    String ticketLine =
        v.title() == null || v.title().isBlank() ? v.ticketId() : v.ticketId() + " · " + v.title();
    blocks.add(new Card(ticketLine, v.url(), List.of(new Span.Plain(fill(words.intro(), v)))));
    boolean open = !v.closed() && !c.finished();
    if (c.fixed() == null && open) {
      blocks.add(Text.plain(words.fixedQuestion()));
      blocks.add(
          new Actions(
              List.of(
                  new Button(
                      action(v.surveyId(), "fixed:yes"), "👍 Yes, fixed", "yes", Style.PRIMARY),
                  new Button(
                      action(v.surveyId(), "fixed:no"), "👎 Not fixed", "no", Style.DANGER))));
    } else if (c.fixed() != null) {
      blocks.add(answered(words.fixedQuestion(), c.fixed() ? "Yes, fixed" : "Not fixed"));
    }
    if (c.rating() == null && open) {
      blocks.add(Text.plain(words.ratingQuestion()));
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
      blocks.add(answered(words.ratingQuestion(), c.rating() + "/5"));
    }
    if (c.comment() != null) {
      blocks.add(new Text(List.of(new Span.Bold("Your comment: "), new Span.Plain(c.comment()))));
    }
    if (c.request() != null) {
      blocks.add(new Text(List.of(new Span.Bold("Your request: "), new Span.Plain(c.request()))));
    }
    if (open) {
      List<Button> extras = new ArrayList<>();
      if (c.comment() == null) {
        extras.add(
            new Button(action(v.surveyId(), "more"), "💬 Tell us more", "more", Style.DEFAULT));
      }
      extras.add(new Button(action(v.surveyId(), "stop"), "Stop asking me", "stop", Style.DEFAULT));
      blocks.add(new Actions(extras));
    } else {
      blocks.add(new Context(c.finished() ? "Thanks — this survey is complete." : words.expired()));
    }
    return new ChatMessage(
        ticketLine + ": " + words.fixedQuestion() + " " + words.ratingQuestion(), blocks);
  }

  private static Text answered(String question, String answer) {
    return new Text(List.of(new Span.Plain(question + " "), new Span.Bold(answer)));
  }

  public ChatMessage anythingElse(long surveyId) {
    return new ChatMessage(
        words.anythingElse(),
        List.of(
            Text.plain(words.anythingElse()),
            new Actions(
                List.of(
                    new Button(action(surveyId, "else:yes"), "Yes, please", "yes", Style.PRIMARY),
                    new Button(
                        action(surveyId, "else:no"), "No, that's all", "no", Style.DEFAULT)))));
  }

  public ChatMessage reminder(View v) {
    return ChatMessage.plainText(fill(words.reminder(), v));
  }

  public ChatMessage followedUp(View v) {
    return ChatMessage.plainText(fill(words.followedUp(), v));
  }

  public InteractionReply.OpenModal commentModal(long surveyId) {
    return new InteractionReply.OpenModal(
        action(surveyId, "more"),
        "Tell us more",
        "What should we know?",
        "What went well, what went wrong?");
  }

  public InteractionReply.OpenModal requestModal(long surveyId) {
    return new InteractionReply.OpenModal(
        action(surveyId, "request"),
        "Anything else?",
        "What do you need?",
        "e.g. please call me back about …");
  }

  /** The words for a {@link Say}. */
  public String text(Say say) {
    return switch (say) {
      case WHAT_WENT_WRONG -> words.whatWentWrong();
      case THANKS_FOR_COMMENT -> words.thanksForComment();
      case ANYTHING_ELSE -> words.anythingElse();
      case REQUEST_PROMPT -> words.requestPrompt();
      case REQUEST_NOTED -> words.requestNoted();
      case CLOSING_POSITIVE -> words.closingPositive();
      case CLOSING_NEGATIVE -> words.closingNegative();
      case ALREADY_ANSWERED -> words.alreadyAnswered();
      case SURVEY_CLOSED -> words.surveyClosed();
      case NOT_UNDERSTOOD -> words.notUnderstood();
      case OPTED_OUT -> words.optedOut();
    };
  }

  public Wording words() {
    return words;
  }

  private static String fill(String template, View v) {
    String name =
        v.requesterName() == null || v.requesterName().isBlank() ? "there" : v.requesterName();
    return template
        .replace("{name}", name)
        .replace("{ticket}", v.ticketId())
        .replace("{title}", v.title() == null ? "" : v.title());
  }
}
