package dev.closeloop.store;

import java.time.Instant;

/** One row of {@code people}: a requester, keyed by email when known, else a platform id. */
public record PersonRow(
    String personKey,
    String email,
    String name,
    String slackId,
    String discordId,
    String timezone,
    boolean optedOut,
    Instant optedOutAt,
    Instant lastSurveyedAt) {}
