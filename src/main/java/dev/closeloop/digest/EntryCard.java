package dev.closeloop.digest;

import dev.closeloop.chat.ChatMessage.Actions;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Button;
import dev.closeloop.chat.ChatMessage.Card;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.language.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One digest entry as the team sees it: a card (score, people, the quoted comment or request, who
 * owns it and for how long) and its "I'll take it" / "Followed up" buttons.
 */
final class EntryCard {
  private final Words words;
  private final LanguageMark language;

  EntryCard(Words words, LanguageMark language) {
    this.words = words;
    this.language = language;
  }

  /** The blocks of one entry: a card and its buttons. */
  List<Block> blocks(DigestEntry e, Instant now) {
    List<Span> body = new ArrayList<>();
    body.add(new Span.Bold(scoreLine(e)));
    String people =
        words.t(
            "people",
            "requester",
            DigestBuilder.orDash(e.requester()),
            "assignee",
            DigestBuilder.orDash(e.assignee()));
    body.add(
        new Span.Plain(
            "\n"
                + people
                + (e.team() == null ? "" : " · " + words.t("teamName", "team", e.team()))));
    if (e.comment() != null) {
      body.add(
          new Span.Plain(
              "\n"
                  + words.t(
                      "quote", "comment", DigestBuilder.cut(e.comment(), DigestBuilder.MAX_COMMENT))
                  + languageMark(e)));
    }
    if (e.request() != null) {
      body.add(new Span.Plain("\n"));
      body.add(new Span.Bold(words.t("requestLabel")));
      body.add(new Span.Plain(" " + DigestBuilder.cut(e.request(), DigestBuilder.MAX_COMMENT)));
    }
    body.addAll(helpdesk(e.helpdesk()));
    body.add(new Span.Plain("\n" + status(e, now)));
    String title =
        DigestBuilder.cut(e.ticketId(), 60)
            + (e.title() == null ? "" : " · " + DigestBuilder.cut(e.title(), 150));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Card(title, e.url(), body));
    if (e.followedUpAt() == null) {
      String label = DigestBuilder.cut(e.ticketId(), 40);
      List<Button> buttons = new ArrayList<>();
      if (e.owner() == null) {
        buttons.add(
            new Button(
                "cl:i:" + e.surveyId() + ":own",
                words.t("takeButton", "ticket", label),
                "own",
                Button.Style.PRIMARY));
      }
      buttons.add(
          new Button(
              "cl:i:" + e.surveyId() + ":done",
              words.t("doneButton", "ticket", label),
              "done",
              Button.Style.DEFAULT));
      blocks.add(new Actions(buttons));
    }
    return blocks;
  }

  /**
   * What the ticket's helpdesk made of the answers: the ticket a request became (linked), the
   * reopen done or failed.
   */
  private List<Span> helpdesk(DigestEntry.Helpdesk h) {
    List<Span> out = new ArrayList<>();
    if (h == null) {
      return out;
    }
    if (h.requestTicket() != null) {
      String label = words.t("requestTicket", "id", DigestBuilder.cut(h.requestTicket(), 60));
      out.add(new Span.Plain("\n"));
      out.add(
          h.requestTicketUrl() == null
              ? new Span.Plain(label)
              : new Span.Link(h.requestTicketUrl(), label));
    }
    if (Boolean.TRUE.equals(h.reopened())) {
      out.add(new Span.Plain("\n" + words.t("reopenedInHelpdesk")));
    } else if (Boolean.FALSE.equals(h.reopened())) {
      String reason = h.reopenFailure() == null ? "" : DigestBuilder.cut(h.reopenFailure(), 200);
      out.add(new Span.Plain("\n" + words.t("reopenFailedInHelpdesk", "reason", reason)));
    }
    return out;
  }

  /** " (German)": the language a quoted comment is in, named in the team's language. */
  private String languageMark(DigestEntry e) {
    return language.shown(words, e.comment(), e.commentLanguage(), e.requesterLocale());
  }

  String scoreLine(DigestEntry e) {
    List<String> parts = new ArrayList<>();
    if (e.score() != null) {
      parts.add(words.t("score", "score", e.score()));
    }
    if (e.fixed() != null) {
      parts.add(words.t(e.fixed() ? "fixed" : "notFixed"));
    }
    if (!e.negative()) {
      parts.add(words.t("request"));
    }
    return parts.isEmpty() ? words.t("noScore") : String.join(" · ", parts);
  }

  String status(DigestEntry e, Instant now) {
    if (e.followedUpAt() != null) {
      return e.note() == null
          ? words.t("followedUpBy", "who", e.followedUpBy())
          : words.t(
              "followedUpNote", "who", e.followedUpBy(), "note", DigestBuilder.cut(e.note(), 300));
    }
    String age = words.age(Duration.between(e.createdAt(), now));
    return e.owner() == null
        ? words.t("unowned", "age", age)
        : words.t("owned", "owner", e.owner(), "age", age);
  }
}
