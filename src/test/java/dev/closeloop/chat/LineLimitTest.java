package dev.closeloop.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.chat.LineLimit.Verdict;
import dev.closeloop.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-person limit on typed lines, on a clock the test moves. */
class LineLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

  private List<Verdict> lines(LineLimit limit, String person, int n) {
    List<Verdict> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(limit.admit(person));
    }
    return out;
  }

  @Test
  void thirtyLinesAtOnceTakeTheBurstThenTellOnceAndDropTheRest() {
    LineLimit limit = new LineLimit(clock);

    List<Verdict> verdicts = lines(limit, "slack:U1", 30);

    assertThat(verdicts.subList(0, LineLimit.BURST)).containsOnly(Verdict.TAKE);
    assertThat(verdicts.get(LineLimit.BURST)).isEqualTo(Verdict.DROP_AND_TELL);
    assertThat(verdicts.subList(LineLimit.BURST + 1, 30)).containsOnly(Verdict.DROP);
  }

  @Test
  void linesComeBackAtTheRatePerMinuteAndTheNoticeOnlyAfterALineWasTaken() {
    LineLimit limit = new LineLimit(clock, 2, 20, 100); // one line every 3 s
    lines(limit, "p", 3);

    clock.advance(Duration.ofMillis(2_999));
    assertThat(limit.admit("p")).isEqualTo(Verdict.DROP);
    clock.advance(Duration.ofMillis(1));
    assertThat(limit.admit("p")).isEqualTo(Verdict.TAKE);
    assertThat(limit.admit("p")).as("a new run is told again").isEqualTo(Verdict.DROP_AND_TELL);

    clock.advance(Duration.ofMinutes(10));
    assertThat(lines(limit, "p", 3))
        .as("refilled to the burst, not beyond")
        .containsExactly(Verdict.TAKE, Verdict.TAKE, Verdict.DROP_AND_TELL);
  }

  @Test
  void eachPersonHasTheirOwnBucket() {
    LineLimit limit = new LineLimit(clock, 1, 20, 100);

    assertThat(limit.admit("slack:U1")).isEqualTo(Verdict.TAKE);
    assertThat(limit.admit("slack:U1")).isEqualTo(Verdict.DROP_AND_TELL);
    assertThat(limit.admit("discord:U1")).isEqualTo(Verdict.TAKE);
    assertThat(limit.admit("slack:U2")).isEqualTo(Verdict.TAKE);
  }

  @Test
  void aClockSetBackRefillsNothing() {
    LineLimit limit = new LineLimit(clock, 1, 20, 100);
    limit.admit("p");

    clock.advance(Duration.ofMinutes(-5));

    assertThat(limit.admit("p")).isEqualTo(Verdict.DROP_AND_TELL);
  }

  @Test
  void memoryIsBoundedIdleBucketsAreForgottenAndTheLeastRecentGoesFirstPastTheCap() {
    LineLimit limit = new LineLimit(clock, 2, 20, 3);
    lines(limit, "a", 3); // a is out of lines
    limit.admit("b");
    limit.admit("c");
    limit.admit("d"); // over the cap: a, the least recently used, is forgotten

    assertThat(limit.size()).isEqualTo(3);
    assertThat(limit.admit("a")).as("a new bucket").isEqualTo(Verdict.TAKE);

    // idle long enough to be full again (2 lines at 20 a minute: 6 s): forgotten
    clock.advance(Duration.ofSeconds(6));
    limit.admit("e");
    assertThat(limit.size()).isEqualTo(1);
  }

  @Test
  void aLimitThatTakesNothingIsRefused() {
    assertThatThrownBy(() -> new LineLimit(clock, 0, 20, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
