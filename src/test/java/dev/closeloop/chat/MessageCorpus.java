package dev.closeloop.chat;

import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.digest.Figures;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import dev.closeloop.language.Words;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.Say;
import dev.closeloop.survey.Step;
import dev.closeloop.survey.SurveyMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every kind of message Closeloop sends — survey card in each state, replies, "anything else?",
 * reminder, follow-up, digest pages, alert-like entries — in all six languages, filled with user
 * text that tries to break the markup around it.
 */
public final class MessageCorpus {
  /** User text that ends in spaces or a marker, opens markers, pings, or looks like markup. */
  public static final List<String> HOSTILE =
      List.of(
          "No, that is all",
          "still broken   ",
          "great*",
          "*urgent",
          "snake_case_name and _init_",
          "price ~5 EUR",
          "ends in tilde~",
          "ends in backtick`",
          "`code` and ```fence",
          "back\\slash\\",
          "**bold** __under__ ~~strike~~ ||spoiler||",
          "<!channel> <@U123> @everyone @here <#C1>",
          "a < b & c > d",
          "> quoted\n# heading\n- item",
          "[link](https://evil.example) https://ok.example/path_(x)",
          "Der Drucker geht nicht *mehr* _gar_ nicht",
          "プリンターが*動きません*_",
          " ");

  private static final Instant NOW = Instant.parse("2026-11-24T23:30:00Z");

  private MessageCorpus() {}

  public static List<ChatMessage> all() {
    List<ChatMessage> out = new ArrayList<>();
    Catalog requester = Catalog.requester(Map.of());
    for (String lang : Languages.BUNDLED) {
      SurveyMessages m = new SurveyMessages(new Words(requester, lang, ZoneId.of("Europe/Berlin")));
      for (String text : HOSTILE) {
        for (Conversation c :
            List.of(
                Conversation.start(),
                new Conversation(Step.OPEN, false, 2, text, null, null),
                new Conversation(Step.FINISHED, true, 5, text, true, text))) {
          for (boolean closed : new boolean[] {false, true}) {
            out.add(
                m.survey(
                    new SurveyMessages.View(
                        7, "INC-1" + text, text, "https://help.example/7", text, NOW, c, closed)));
          }
        }
        SurveyMessages.View v =
            new SurveyMessages.View(7, "INC-7", text, null, text, NOW, Conversation.start(), false);
        out.add(m.reminder(v));
        out.add(m.followedUp(v));
      }
      out.add(m.anythingElse(7));
      for (Say say : Say.values()) {
        out.add(ChatMessage.plainText(m.text(say)));
      }
      for (String key : requester.keys()) {
        out.add(
            ChatMessage.plainText(
                m.t(key, "email", "a_b@example.com", "score", 4, "ticket", "INC-1")));
      }
      out.addAll(digest(lang));
    }
    return out;
  }

  private static List<ChatMessage> digest(String lang) {
    DigestBuilder builder =
        new DigestBuilder(
            new Words(Catalog.team(), lang, ZoneId.of("Asia/Tokyo")),
            (comment, detected, locale) -> java.util.Optional.of("de"));
    List<DigestEntry> fresh = new ArrayList<>();
    List<DigestEntry> open = new ArrayList<>();
    long id = 1;
    for (String text : HOSTILE) {
      fresh.add(entry(id++, text, true, null, null));
      fresh.add(entry(id++, text, false, null, null));
      open.add(entry(id++, text, true, text, null));
      open.add(entry(id++, text, true, text, NOW));
    }
    List<ChatMessage> out = new ArrayList<>();
    out.addAll(
        builder
            .build(
                new DigestBuilder.Input(
                    NOW.minus(Duration.ofDays(1)),
                    NOW,
                    ZoneId.of("Asia/Tokyo"),
                    builder.title("net*work "),
                    fresh,
                    open,
                    new Figures(0.5, 0.25, 4, 2, 8)))
            .pages());
    out.addAll(
        builder
            .build(
                new DigestBuilder.Input(
                    NOW.minus(Duration.ofDays(1)),
                    NOW,
                    ZoneId.of("Asia/Tokyo"),
                    builder.title(null),
                    List.of(),
                    List.of(),
                    new Figures(null, null, 0, 0, 0)))
            .pages());
    return out;
  }

  private static DigestEntry entry(
      long id, String text, boolean negative, String owner, Instant followedUpAt) {
    return new DigestEntry(
        id,
        "INC-" + id,
        id % 2 == 0 ? "https://help.example/" + id : null,
        text,
        text,
        text,
        text,
        negative ? 1 : 5,
        !negative,
        negative ? text : null,
        negative ? null : text,
        negative,
        NOW.minus(Duration.ofHours(id)),
        owner,
        owner == null ? null : NOW,
        followedUpAt == null ? null : text,
        followedUpAt,
        followedUpAt == null ? null : text,
        "de");
  }
}
