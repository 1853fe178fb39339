package dev.closeloop.store;

import java.time.Instant;

/** One row of {@code digests}: a posted digest and the window it covered. */
public record DigestRow(
    long id,
    String slot,
    String kind,
    Instant windowStart,
    Instant windowEnd,
    Instant createdAt,
    int entries,
    String body) {}
