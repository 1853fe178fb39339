package dev.closeloop.delivery.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.PlatformId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An outbox run is over for every lane at once, at the first moment no lane has work. */
class LaneCrewTest {
  static final PlatformId SLACK = PlatformId.SLACK;
  static final PlatformId DISCORD = PlatformId.DISCORD;

  @Test
  void anIdleLaneLooksAgainWhileAnotherWorksAndTheRunEndsWhenBothAreIdle() {
    LaneCrew crew = new LaneCrew(List.of(SLACK, DISCORD));
    assertThat(crew.idle(SLACK)).as("Discord still works: Slack looks again").isTrue();
    assertThat(crew.over()).isFalse();
    assertThat(crew.idle(DISCORD)).as("nobody has work").isFalse();
    assertThat(crew.over()).as("over for Slack too").isTrue();
  }

  @Test
  void aLaneThatFindsWorkAgainKeepsTheOtherLooking() {
    LaneCrew crew = new LaneCrew(List.of(SLACK, DISCORD));
    crew.idle(SLACK);
    crew.working(SLACK); // rows queued meanwhile
    assertThat(crew.idle(DISCORD)).as("Slack works again: Discord looks again").isTrue();
    assertThat(crew.over()).isFalse();
  }

  @Test
  void onceOverARunStaysOver() {
    LaneCrew crew = new LaneCrew(List.of(SLACK, DISCORD));
    crew.idle(SLACK);
    crew.idle(DISCORD);
    crew.working(SLACK); // a late find does not reopen a run the other lane has left
    assertThat(crew.over()).isTrue();
  }

  @Test
  void aSingleLaneEndsWhenIdle() {
    assertThat(new LaneCrew(List.of(PlatformId.SANDBOX)).idle(PlatformId.SANDBOX)).isFalse();
  }
}
