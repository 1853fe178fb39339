package dev.closeloop.ticket.usecase;

/** What intake made of a ticket event (the webhook's answer). */
public sealed interface IntakeResult {
  record Accepted(long id) implements IntakeResult {}

  record Duplicate() implements IntakeResult {}

  record Ignored(String why) implements IntakeResult {}
}
