package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar as an operator's shell runs it, its output piped: stdout carries only the verb's
 * output (so {@code stats | jq} works), log lines and nothing else go to stderr.
 */
class CliJarIT {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run jar(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("java", "-jar", System.getProperty("closeloop.jar")));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path config() throws Exception {
    Path cfg = dir.resolve("c.yml");
    Files.writeString(cfg, "server: { port: 0 }\nstorage: { url: \"jdbc:h2:file:./db\" }\n");
    return cfg;
  }

  @Test
  void statsJsonOnStdoutLogsOnStderr() throws Exception {
    Run r = jar("stats", "--config", config().toString());
    assertThat(r.code()).isZero();
    JsonNode stats = Json.MAPPER.readTree(r.out());
    assertThat(stats.has("csat")).isTrue();
    assertThat(r.out()).doesNotContain("INFO", "event=");
    assertThat(r.err()).contains("event=store_open");
  }

  @Test
  void longVerbsDrawNoProgressWhenPiped() throws Exception {
    Run r = jar("export", "--format", "csv", "--config", config().toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).contains("ticketId"));
    assertThat(r.err().lines())
        .as("stderr has log lines only: no progress bar")
        .allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT[^ ]+ (INFO|WARN|ERROR|DEBUG) .*"));
  }

  @Test
  void invalidConfigExitsTwoWithOneLineNamingTheKey() throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "survey: { cooldown: forever }\n");
    Run r = jar("stats", "--config", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("invalid config: survey.cooldown");
  }
}
