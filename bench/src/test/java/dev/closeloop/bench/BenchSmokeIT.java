package dev.closeloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the benchmark harness with tiny sizes, against the built jar, so it cannot rot. It
 * checks that each benchmark runs end to end and counts right — not how fast anything is.
 */
class BenchSmokeIT {
  @Test
  void intakeDeliveryAndDigestRunWithTinySizes() throws Exception {
    IntakeBench.Result intake =
        IntakeBench.run(
            Bench.Args.of(
                "concurrency",
                "2",
                "count",
                "20",
                "warmup",
                "5",
                "rate",
                "20",
                "rate-seconds",
                "0.5",
                "generator",
                "raw"));
    assertThat(intake.sides())
        .extracting(IntakeBench.Side::name)
        .containsExactly("bare Jetty 12", "closeloop");
    assertThat(intake.bare().accepted()).isEqualTo(20);
    assertThat(intake.app().accepted()).isEqualTo(20);
    // the open-loop phase only has to run: on a loaded machine some requests may fail (see README)
    assertThat(intake.appRate().sent()).isEqualTo(10);

    DeliveryBench.Result delivery =
        DeliveryBench.run(Bench.Args.of("surveys", "6", "timeout", "60"));
    assertThat(delivery.lost()).isZero();
    assertThat(delivery.duplicated()).isZero();
    assertThat(delivery.readyMillis()).isPositive();

    List<DigestBench.Row> digest = DigestBench.run(Bench.Args.of("answers", "400", "reps", "1"));
    assertThat(digest.get(0).negatives()).isEqualTo(4);
  }
}
