package dev.closeloop.ticket.usecase;

import dev.closeloop.digest.LanguageMark;
import dev.closeloop.language.Words;
import dev.closeloop.survey.Conversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The words Closeloop writes on helpdesk tickets, in the team's language (the team bundle, {@code
 * digest.locale}): the survey's result, the reason for a reopen, follow-ups, and a request's
 * description. Plain text: each adapter escapes it for its system.
 */
final class WriteBackTexts {
  /** A title longer than this is cut (every supported system takes at least this many). */
  private static final int TITLE_MAX = 120;

  private final Words words;
  private final LanguageMark language;

  /**
   * @param language which language a comment is in, for the mark beside it, as the digest marks
   *     every quoted comment
   */
  WriteBackTexts(Words words, LanguageMark language) {
    this.words = words;
    this.language = language;
  }

  /**
   * The survey's result: fixed or not, score, comment, request, and the reopen decision.
   *
   * @param locale the locale the requester was surveyed in (for a comment too short to tell), or
   *     null
   * @param reopen the requester's answer to the reopen question, or null when not asked
   * @param finished false when the survey closed by time before its last question
   */
  String note(
      String requester,
      String ticket,
      String locale,
      Conversation c,
      Boolean reopen,
      boolean finished) {
    List<String> lines = new ArrayList<>();
    lines.add(
        words.t(
            "noteHeading",
            "finished",
            finished ? "yes" : "no",
            "requester",
            requester,
            "ticket",
            ticket));
    lines.add(
        words.t("noteFixed", "fixed", c.fixed() == null ? "unknown" : c.fixed() ? "yes" : "no"));
    lines.add(
        words.t(
            "noteScore",
            "hasScore",
            c.rating() == null ? "no" : "yes",
            "score",
            c.rating() == null ? 0 : c.rating()));
    if (c.comment() != null) {
      // "Comment (German): …": the language it is in, named in the team's, as in the digest
      String mark = language.shown(words, c.comment(), null, locale);
      lines.add(words.t("noteComment", "comment", c.comment(), "language", mark));
    }
    if (c.request() != null) {
      lines.add(words.t("noteRequest", "request", c.request()));
    }
    if (reopen != null) {
      lines.add(words.t("noteReopen", "reopen", reopen ? "yes" : "no"));
    }
    return String.join("\n", lines);
  }

  String reopen(String requester, String comment) {
    return words.t(
        "reopenNote",
        "requester",
        requester,
        "hasComment",
        comment == null ? "no" : "yes",
        "comment",
        comment == null ? "" : comment);
  }

  String taken(String who, Instant at) {
    return words.t("noteTaken", "who", who, "at", at);
  }

  String followedUp(String who, String note, Instant at) {
    return words.t(
        "noteFollowedUp",
        "who",
        who,
        "at",
        at,
        "hasNote",
        note == null ? "no" : "yes",
        "note",
        note == null ? "" : note);
  }

  /** A new ticket's description: who asked, after which ticket, and their words. */
  String request(String requester, String ticket, String request) {
    return words.t("requestText", "requester", requester, "ticket", ticket) + "\n\n" + request;
  }

  /** A new ticket's title: the request's first line, cut to fit. */
  static String title(String request) {
    String first = request.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
    return first.length() <= TITLE_MAX ? first : first.substring(0, TITLE_MAX - 1) + "…";
  }
}
