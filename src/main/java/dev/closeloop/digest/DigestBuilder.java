package dev.closeloop.digest;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatMessage.Block;
import dev.closeloop.chat.ChatMessage.Context;
import dev.closeloop.chat.ChatMessage.Header;
import dev.closeloop.chat.ChatMessage.Span;
import dev.closeloop.chat.ChatMessage.Text;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import dev.closeloop.language.Texts;
import dev.closeloop.language.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the daily digest as chat messages: new negatives, still open (with age), requests from
 * "anything else?"; at most {@link #MAX_ENTRIES} entries (the worst), then "and K more"; split into
 * pages that fit both Slack (50 blocks) and Discord (10 embeds, 5 button rows, 6,000 characters).
 * Pure: the window and "now" are passed in.
 */
public final class DigestBuilder {
  public static final int MAX_ENTRIES = 100;
  static final int PER_PAGE = 5;
  static final int MAX_COMMENT = 500;

  private final Words words;
  private final LanguageMark language;
  private final EntryCard cards;

  /**
   * @param words the team's texts in {@code digest.locale} and {@code digest.zone}
   * @param language which language each quoted comment is marked with
   */
  public DigestBuilder(Words words, LanguageMark language) {
    this.words = words;
    this.language = language;
    this.cards = new EntryCard(words, language);
  }

  /** English, each comment marked with its language as the app marks it (tests, tools). */
  public DigestBuilder() {
    this(
        new Words(Catalog.team(), Languages.FALLBACK, java.time.ZoneOffset.UTC),
        LanguageMark.detected(Languages.FALLBACK));
  }

  public Words words() {
    return words;
  }

  /** The digest's title: the main one, or a team's. */
  public String title(String team) {
    return team == null ? words.t("digestTitle") : words.t("digestTeamTitle", "team", team);
  }

  /**
   * What one digest covers. {@code fresh} and {@code stillOpen} may hold only the worst entries (at
   * least the {@link #MAX_ENTRIES} worst of the two together, or all of them); {@code totals}
   * counts every entry of each section, the ones not given included.
   */
  public record Input(
      Instant windowStart,
      Instant now,
      ZoneId zone,
      String title,
      List<DigestEntry> fresh,
      List<DigestEntry> stillOpen,
      Figures figures,
      Totals totals) {

    public Input {
      Totals given = Totals.of(fresh, stillOpen);
      if (totals.freshNegatives() < given.freshNegatives()
          || totals.freshRequests() < given.freshRequests()
          || totals.stillOpen() < given.stillOpen()
          || totals.newRequests() < given.newRequests()) {
        throw new IllegalArgumentException(
            "totals " + totals + " below the entries given " + given);
      }
    }

    /** Every entry given: the totals are the lists' own counts. */
    public Input(
        Instant windowStart,
        Instant now,
        ZoneId zone,
        String title,
        List<DigestEntry> fresh,
        List<DigestEntry> stillOpen,
        Figures figures) {
      this(windowStart, now, zone, title, fresh, stillOpen, figures, Totals.of(fresh, stillOpen));
    }
  }

  /**
   * How many entries a digest covers, by section ({@code freshRequests}: the requests section, of
   * replies that are not negative), and {@code newRequests}: every request made in the window,
   * those on negative replies included, as the headline counts them.
   */
  public record Totals(int freshNegatives, int freshRequests, int stillOpen, int newRequests) {
    static Totals of(List<DigestEntry> fresh, List<DigestEntry> stillOpen) {
      int negatives = (int) fresh.stream().filter(DigestEntry::negative).count();
      int requests = (int) fresh.stream().filter(e -> !e.negative() || e.request() != null).count();
      return new Totals(negatives, fresh.size() - negatives, stillOpen.size(), requests);
    }

    int all() {
      return freshNegatives + freshRequests + stillOpen;
    }
  }

  /** The digest as pages plus the survey ids it lists, page by page. */
  public record Result(
      List<ChatMessage> pages, List<List<Long>> surveyIds, int entries, int omitted) {}

  public Result build(Input in) {
    List<DigestEntry> freshNegatives = in.fresh().stream().filter(DigestEntry::negative).toList();
    List<DigestEntry> freshRequests = in.fresh().stream().filter(e -> !e.negative()).toList();
    List<DigestEntry> all = new ArrayList<>();
    all.addAll(freshNegatives);
    all.addAll(in.stillOpen());
    all.addAll(freshRequests);
    Set<Long> kept =
        all.stream()
            .sorted(
                Comparator.comparingInt(DigestEntry::severity)
                    .thenComparing(DigestEntry::createdAt))
            .limit(MAX_ENTRIES)
            .map(DigestEntry::surveyId)
            .collect(Collectors.toSet());
    Totals totals = in.totals();
    int omitted = totals.all() - kept.size();

    Words w = new Words(words.catalog(), words.lang(), in.zone());
    List<Section> sections =
        List.of(
            new Section(w.t("sectionNegative"), keep(freshNegatives, kept)),
            new Section(w.t("sectionOpen"), keep(in.stillOpen(), kept)),
            new Section(w.t("sectionRequests"), keep(freshRequests, kept)));

    String figures = in.figures().line(w);
    List<Block> intro = new ArrayList<>();
    intro.add(new Header(w.t("digestHeading", "title", in.title(), "date", in.now())));
    if (totals.freshNegatives() == 0) {
      intro.add(
          new Text(
              List.of(
                  new Span.Bold(w.t("allClearLabel")),
                  new Span.Plain(
                      " " + w.t("allClearText", "since", in.windowStart(), "figures", figures)))));
    } else {
      intro.add(
          new Text(
              List.of(
                  new Span.Bold(w.t("negativesLabel", "count", totals.freshNegatives())),
                  new Span.Plain(
                      " "
                          + w.t(
                              "negativesText",
                              "open",
                              totals.stillOpen(),
                              "requests",
                              totals.newRequests(),
                              "figures",
                              figures)))));
    }

    // the line a phone's notification shows, the same for every page
    String notification = w.t("digestNotification", "title", in.title(), "figures", figures);
    List<ChatMessage> pages = new ArrayList<>();
    List<List<Long>> ids = new ArrayList<>();
    List<Block> page = new ArrayList<>(intro);
    List<Long> pageIds = new ArrayList<>();
    int onPage = 0;
    for (Section section : sections) {
      if (section.entries().isEmpty()) {
        continue;
      }
      boolean headed = false;
      for (DigestEntry e : section.entries()) {
        if (onPage == PER_PAGE) {
          pages.add(new ChatMessage(notification, page));
          ids.add(pageIds);
          page = new ArrayList<>();
          pageIds = new ArrayList<>();
          onPage = 0;
          headed = false;
        }
        if (!headed) {
          page.add(new Text(List.of(new Span.Bold(section.title()))));
          headed = true;
        }
        page.addAll(entryBlocks(e, in.now()));
        pageIds.add(e.surveyId());
        onPage++;
      }
    }
    if (omitted > 0) {
      page.add(new Context(w.t("moreEntries", "count", omitted)));
    }
    pages.add(new ChatMessage(notification, page));
    ids.add(pageIds);
    if (pages.size() > 1) {
      for (int i = 0; i < pages.size(); i++) {
        ChatMessage p = pages.get(i);
        List<Block> blocks = new ArrayList<>(p.blocks());
        blocks.add(new Context(w.t("part", "part", i + 1, "parts", pages.size())));
        pages.set(i, new ChatMessage(p.fallback(), blocks));
      }
    }
    return new Result(pages, ids, kept.size(), omitted);
  }

  private record Section(String title, List<DigestEntry> entries) {}

  private static List<DigestEntry> keep(List<DigestEntry> entries, Set<Long> kept) {
    return entries.stream()
        .filter(e -> kept.contains(e.surveyId()))
        .sorted(
            Comparator.comparingInt(DigestEntry::severity).thenComparing(DigestEntry::createdAt))
        .toList();
  }

  /** The blocks of one entry: a card and its buttons. Used again to refresh it after a click. */
  public List<Block> entryBlocks(DigestEntry e, Instant now) {
    return cards.blocks(e, now);
  }

  static String orDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  static String cut(String s, int max) {
    return Texts.cut(s, max);
  }
}
