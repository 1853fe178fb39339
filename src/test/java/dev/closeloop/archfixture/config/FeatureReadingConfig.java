package dev.closeloop.archfixture.config;

import dev.closeloop.archfixture.survey.FixturePolicy;

/** Planted: a config record that depends on a feature above it. */
public record FeatureReadingConfig(java.time.Instant due) {
  public boolean late(java.time.Instant now) {
    return FixturePolicy.late(now, due);
  }
}
