package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export streams with constant memory: 1,000,000 answers (250,000 surveys with four answers
 * each, a 200-character comment among them, an incident on every tenth) exported by the real jar
 * with {@code -Xmx128m} through the {@code export} verb on the store, as JSON (250 MB, the larger
 * format; CSV takes the same paged path, checked at a small scale by {@code AdminPagingTest}).
 * Before streaming, the export held every survey in memory and ran out of heap (exit 3).
 */
class ExportMemoryIT {
  static final int SURVEYS = 250_000;
  static final int CHUNK = 25_000;
  static final String COMMENT = "The VPN dropped again during the call; ".repeat(5).strip();

  @TempDir Path dir;

  @Test
  void oneMillionAnswersExportIn128MiB() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath().toString().replace("\\", "/");
    long t0 = System.nanoTime();
    fill(url);
    System.out.println("ExportMemoryIT: filled in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(config, "server: { port: 0 }\nstorage: { url: \"" + url + "\" }\n");

    Path json = export(config, "json");
    long comments = 0;
    long incidents = 0;
    try (BufferedReader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        comments += line.contains(COMMENT) && line.contains("\"value\"") ? 1 : 0;
        incidents += line.contains("\"surveyId\"") ? 1 : 0;
      }
    }
    assertThat(comments).isEqualTo(SURVEYS);
    assertThat(incidents).isEqualTo(SURVEYS / 10);
  }

  private Path export(Path config, String format) throws Exception {
    Path out = dir.resolve("export." + format);
    Path err = dir.resolve("export-" + format + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-jar");
    cmd.add(System.getProperty("closeloop.jar"));
    cmd.addAll(List.of("export", "--format", format, "--config", config.toString()));
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("export finished").isTrue();
    assertThat(p.exitValue()).as(tail(err)).isZero();
    System.out.println(
        "ExportMemoryIT: "
            + format
            + " export of "
            + Files.size(out) / 1_000_000
            + " MB in "
            + (System.nanoTime() - t0) / 1_000_000
            + " ms with -Xmx128m");
    return out;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /**
   * 250,000 surveys, four answers each, an incident on every tenth: set-based inserts of 25,000
   * rows each (one statement per table takes four times as long on H2).
   */
  private static void fill(String url) {
    Database db = Database.open(url, "", "");
    try {
      Instant at = Instant.parse("2026-11-24T10:00:00Z");
      String[][] answers = {
        {"fixed", "true"}, {"rating", "5"}, {"comment", COMMENT}, {"request", "none"}
      };
      for (int start = 1; start <= SURVEYS; start += CHUNK) {
        int from = start;
        int to = Math.min(SURVEYS, start + CHUNK - 1);
        db.jdbi()
            .useHandle(
                h ->
                    h.createUpdate(
                            """
                        INSERT INTO surveys (id, source, ticket_id, person_key, requester_email,
                            requester_name, title, closed_at, platform, state, step, sent_at,
                            answered_at, created_at)
                        SELECT X, 'generic', 'INC-' || X, 'p' || X || '@example.com',
                            'p' || X || '@example.com', 'Person ' || X, 'VPN drops every hour',
                            :at, 'slack', 'answered', 'done', :at, :at, :at
                        FROM SYSTEM_RANGE(:from, :to)
                        """)
                        .bind("at", at)
                        .bind("from", from)
                        .bind("to", to)
                        .execute());
        for (String[] answer : answers) {
          db.jdbi()
              .useHandle(
                  h ->
                      h.createUpdate(
                              """
                          INSERT INTO answers (survey_id, kind, answer, at)
                          SELECT X, :kind, :answer, :at FROM SYSTEM_RANGE(:from, :to)
                          """)
                          .bind("kind", answer[0])
                          .bind("answer", answer[1])
                          .bind("at", at)
                          .bind("from", from)
                          .bind("to", to)
                          .execute());
        }
      }
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          """
                      INSERT INTO incidents (survey_id, created_at, kind)
                      SELECT X, :at, 'negative' FROM SYSTEM_RANGE(1, :n) WHERE MOD(X, 10) = 0
                      """)
                      .bind("at", at)
                      .bind("n", SURVEYS)
                      .execute());
    } finally {
      db.close();
    }
  }
}
