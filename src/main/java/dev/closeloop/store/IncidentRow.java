package dev.closeloop.store;

import java.time.Instant;

/** One row of {@code incidents}: a negative reply or a request, with who owns it. */
public record IncidentRow(
    long surveyId,
    Instant createdAt,
    String kind,
    String owner,
    Instant ownedAt,
    String followedUpBy,
    Instant followedUpAt,
    String note,
    String ownerRef,
    Instant ownerRemindedAt,
    boolean alerted) {

  public static final String NEGATIVE = "negative";
  public static final String REQUEST = "request";
}
