package dev.closeloop.archfixture.survey;

/** A well-behaved core class: the time comes in as an argument. */
public final class FixturePolicy {
  public static boolean late(java.time.Instant now, java.time.Instant due) {
    return now.isAfter(due);
  }
}
