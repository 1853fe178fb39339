package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress of long verbs: drawn for a person at a terminal, nothing otherwise. */
class ProgressTest {
  @Test
  void progressDrawsOnlyWhenAskedTo() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    try (Progress p =
        Progress.start("export", 10, new PrintStream(drawn, true, StandardCharsets.UTF_8), 80)) {
      p.step(10);
    }
    assertThat(drawn.toString(StandardCharsets.UTF_8)).contains("export").contains("10/10");
    ByteArrayOutputStream unknown = new ByteArrayOutputStream();
    try (Progress p =
        Progress.start("purge", -1, new PrintStream(unknown, true, StandardCharsets.UTF_8), 80)) {
      p.step(3);
    }
    assertThat(unknown.toString(StandardCharsets.UTF_8))
        .containsPattern("purge [|/\\\\-] 0:0\\d, 3 done")
        .doesNotContain("?");
    try (Progress p = Progress.none()) {
      p.step(5);
    }
    assertThat(Progress.interactive()).as("tests run with no terminal attached").isFalse();
  }
}
