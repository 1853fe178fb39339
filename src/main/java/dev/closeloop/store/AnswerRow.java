package dev.closeloop.store;

import java.time.Instant;

/**
 * One row of {@code answers}; {@code lang} is the language a comment was found to be written in
 * when it was stored ("de"; "" when it could not be told; null when not looked at).
 */
public record AnswerRow(
    long id, long surveyId, String kind, String answer, Instant at, String lang) {}
