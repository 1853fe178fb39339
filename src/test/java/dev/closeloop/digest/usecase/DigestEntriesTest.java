package dev.closeloop.digest.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.app.ConfigLoader;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.config.Config;
import dev.closeloop.delivery.OutgoingCodec;
import dev.closeloop.digest.DigestBuilder;
import dev.closeloop.digest.DigestEntry;
import dev.closeloop.digest.Figures;
import dev.closeloop.store.AnswerRow;
import dev.closeloop.store.Answers;
import dev.closeloop.store.Database;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.testing.PostgresExtension;
import dev.closeloop.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest reads only its worst entries in full and counts the rest: the pages it posts (main and
 * per team) must be exactly those built from every entry in hand, as the digest did before — same
 * entries, same order ({@link DigestEntry#severity()}, then oldest, then survey id), same counts
 * and "and K more" — on H2 and on PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class DigestEntriesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final Instant START = NOW.minus(Duration.ofDays(1));

  /** network has over 100 entries, desk fewer, the others no team. */
  private static final String[] TEAMS = {
    "network", "network", "network", "network", "desk", null, null, null
  };

  @TempDir Path dir;

  @Test
  @DisplayName(
      "H2: the worst 100 read in SQL give the same digest pages as every entry ranked in Java")
  void h2() {
    check("jdbc:h2:file:" + dir.resolve("db/closeloop"), "", "");
  }

  @Test
  @DisplayName("PostgreSQL: the same")
  void postgres(TestPostgres.Db db) {
    check(db.url(), db.user(), db.password());
  }

  @Test
  @DisplayName("An empty window: all clear, nothing listed, zero counts")
  void empty() {
    String url = "jdbc:h2:file:" + dir.resolve("db/empty");
    try (Database db = Database.open(url, "", "")) {
      db.jdbi().useHandle(h -> previousDigest(h));
      Map<String, Object> out = service(db, url, "", "").postNow();
      assertThat(out)
          .containsEntry("newNegatives", 0L)
          .containsEntry("requests", 0L)
          .containsEntry("stillOpen", 0)
          .containsEntry("omitted", 0);
      List<ChatMessage> pages = pages(db, "C0DIGEST");
      assertThat(pages).hasSize(1);
      assertThat(pages.get(0).blocks().toString()).contains("All clear");
    }
  }

  private static void check(String url, String user, String password) {
    try (Database db = Database.open(url, user, password)) {
      db.jdbi()
          .useTransaction(
              h -> {
                previousDigest(h);
                populate(h, new Random(42), 400);
              });
      Map<String, Object> out = service(db, url, user, password).postNow();
      Figures figures =
          new StatsService(db.jdbi(), config(url, user, password), Clock.fixed(NOW, ZoneOffset.UTC))
              .figures(START, NOW);

      List<DigestEntry>[] all = everyEntry(db);
      DigestBuilder.Result expected = build(all[0], all[1], x -> true, "Closeloop digest", figures);
      assertThat(pages(db, "C0DIGEST")).isEqualTo(expected.pages());
      assertThat(out.get("omitted")).isEqualTo(expected.omitted());
      assertThat(expected.omitted()).as("the cap is exercised").isGreaterThan(100);
      assertThat(out.get("newNegatives"))
          .isEqualTo(all[0].stream().filter(DigestEntry::negative).count());
      assertThat(out.get("stillOpen")).isEqualTo(all[1].size());

      DigestBuilder.Result network =
          build(
              all[0],
              all[1],
              e -> "network".equals(e.team()),
              "Closeloop digest · network",
              figures);
      assertThat(pages(db, "C0NET")).isEqualTo(network.pages());
      DigestBuilder.Result desk =
          build(all[0], all[1], e -> "desk".equals(e.team()), "Closeloop digest · desk", figures);
      assertThat(pages(db, "C0DESK")).isEqualTo(desk.pages());
      assertThat(desk.omitted()).as("a team with fewer than 100 entries lists them all").isZero();
    }
  }

  private static DigestBuilder.Result build(
      List<DigestEntry> fresh,
      List<DigestEntry> open,
      Predicate<DigestEntry> keep,
      String title,
      Figures figures) {
    return new DigestBuilder()
        .build(
            new DigestBuilder.Input(
                START,
                NOW,
                ZoneId.of("UTC"),
                title,
                fresh.stream().filter(keep).toList(),
                open.stream().filter(keep).toList(),
                figures));
  }

  /** Every entry, as the digest read them before: fresh, then still open, each oldest first. */
  @SuppressWarnings("unchecked")
  private static List<DigestEntry>[] everyEntry(Database db) {
    return db.jdbi()
        .withHandle(
            h -> {
              List<IncidentRow> incidents = new Incidents(h).page(true, null, 0, Integer.MAX_VALUE);
              Map<Long, SurveyRow> surveys =
                  new Surveys(h)
                      .byIds(incidents.stream().map(IncidentRow::surveyId).toList()).stream()
                          .collect(Collectors.toMap(SurveyRow::id, s -> s));
              Map<Long, List<AnswerRow>> answers =
                  new Answers(h)
                      .forSurveys(surveys.keySet()).stream()
                          .collect(Collectors.groupingBy(AnswerRow::surveyId));
              List<DigestEntry> fresh = new ArrayList<>();
              List<DigestEntry> open = new ArrayList<>();
              for (IncidentRow i : incidents) { // ordered by created_at, survey_id
                DigestEntry e =
                    IncidentViews.entry(
                        surveys.get(i.surveyId()),
                        i,
                        answers.getOrDefault(i.surveyId(), List.of()));
                if (!i.createdAt().isBefore(START) && i.createdAt().isBefore(NOW)) {
                  fresh.add(e);
                } else if (i.createdAt().isBefore(START) && i.followedUpAt() == null) {
                  open.add(e);
                }
              }
              return new List[] {fresh, open};
            });
  }

  private static List<ChatMessage> pages(Database db, String channel) {
    return db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
            SELECT payload FROM outbox WHERE purpose = 'digest' AND msg_key LIKE :k ORDER BY id""")
                    .bind("k", "%-" + channel + "-%")
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(p -> ((Outgoing.ChannelPost) OutgoingCodec.decode(p)).message())
        .toList();
  }

  private static Config config(String url, String user, String password) {
    return new ConfigLoader(n -> null)
        .loadString(
            """
        storage: { url: "%s", user: "%s", password: "%s" }
        sandbox: { enabled: false }
        digest:
          slackChannel: C0DIGEST
          teams:
            network: { slackChannel: C0NET }
            desk: { slackChannel: C0DESK }
        """
                .formatted(url, user, password));
  }

  private static DigestService service(Database db, String url, String user, String password) {
    Config config = config(url, user, password);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new DigestService(
        db.jdbi(),
        config,
        Map.of(PlatformId.SLACK, "fake"),
        new StatsService(db.jdbi(), config, clock),
        clock);
  }

  private static void previousDigest(Handle h) {
    h.createUpdate(
            """
            INSERT INTO digests (slot, kind, window_start, window_end, created_at, entries)
            VALUES ('daily:prev', 'scheduled', :s, :e, :e, 0)""")
        .bind("s", START.minus(Duration.ofDays(1)))
        .bind("e", START)
        .execute();
  }

  /**
   * Surveys with incidents of every kind, score (none, 1–5) and fixed answer (none, true, false,
   * TRUE), created before the window, in it (many at the very same instant, so ties are broken by
   * survey id), at its end and after it; some followed up; in two teams or none.
   */
  private static void populate(Handle h, Random rnd, int n) {
    Instant[] instants = {
      START.minus(Duration.ofDays(3)),
      START.minusSeconds(1),
      START,
      START.plusSeconds(3600),
      START.plusSeconds(7200),
      NOW.minusSeconds(1),
      NOW,
      NOW.plusSeconds(60)
    };
    for (int k = 1; k <= n; k++) {
      String team = TEAMS[rnd.nextInt(TEAMS.length)];
      Instant created = instants[rnd.nextInt(instants.length)];
      h.createUpdate(
              """
              INSERT INTO surveys (source, ticket_id, person_key, requester_email, requester_name, title, url,
                assignee, team, closed_at, platform, platform_user, state, step, sent_at, answered_at, created_at)
              VALUES ('generic', :t, :p, :email, :name, :title, :url, 'Alex', :team, :at, 'slack', :u, 'answered',
                'done', :at, :at, :at)""")
          .bind("t", "INC-" + k)
          .bind("p", "p" + k)
          .bind("email", rnd.nextBoolean() ? "p" + k + "@example.com" : null)
          .bind("name", rnd.nextBoolean() ? "Person " + k : null)
          .bind("title", "Ticket " + k)
          .bind("url", "https://help/" + k)
          .bind("team", team)
          .bind("at", created)
          .bind("u", "U" + k)
          .execute();
      long id =
          h.createQuery("SELECT id FROM surveys WHERE ticket_id = :t")
              .bind("t", "INC-" + k)
              .mapTo(Long.class)
              .one();
      Answers answers = new Answers(h);
      int score = rnd.nextInt(6);
      if (score > 0) {
        answers.record(id, "rating", Integer.toString(score), created);
      }
      String[] fixed = {null, "true", "false", "TRUE"};
      String f = fixed[rnd.nextInt(fixed.length)];
      if (f != null) {
        answers.record(id, "fixed", f, created);
      }
      if (rnd.nextBoolean()) {
        answers.record(id, "comment", "comment " + k, created);
      }
      boolean negative = rnd.nextInt(3) > 0;
      if (!negative || rnd.nextInt(4) == 0) { // a negative reply can carry a request too
        answers.record(id, "request", "please call " + k, created);
      }
      new Incidents(h).open(id, negative ? IncidentRow.NEGATIVE : IncidentRow.REQUEST, created);
      if (rnd.nextInt(4) == 0) {
        new Incidents(h).followUp(id, "Sam", null, created.plusSeconds(10));
      } else if (rnd.nextInt(4) == 0) {
        new Incidents(h).take(id, "Kim", null, created.plusSeconds(5));
      }
    }
  }

  @Test
  @DisplayName(
      "SQL severity ranks as DigestEntry.severity() for every kind, score and fixed answer")
  void severityMatchesJava() {
    String url = "jdbc:h2:file:" + dir.resolve("db/severity");
    try (Database db = Database.open(url, "", "")) {
      db.jdbi()
          .useTransaction(
              h -> {
                previousDigest(h);
                populate(h, new Random(7), 150);
              });
      db.jdbi()
          .useHandle(
              h -> {
                var worst = IncidentViews.worst(h, START, NOW, null, Integer.MAX_VALUE);
                List<DigestEntry> got =
                    worst.entries().stream().map(IncidentViews.Ranked::entry).toList();
                List<DigestEntry>[] all = everyEntry(db);
                List<DigestEntry> expected = new ArrayList<>(all[0]);
                expected.addAll(all[1]);
                expected.sort(
                    Comparator.comparingInt(DigestEntry::severity)
                        .thenComparing(DigestEntry::createdAt)
                        .thenComparingLong(DigestEntry::surveyId));
                assertThat(got).isEqualTo(expected);
              });
    }
  }
}
