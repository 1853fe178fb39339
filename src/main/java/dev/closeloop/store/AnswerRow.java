package dev.closeloop.store;

import java.time.Instant;

/** One row of {@code answers}. */
public record AnswerRow(long id, long surveyId, String kind, String answer, Instant at) {}
