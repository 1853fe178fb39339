package dev.closeloop.ticket;

/** What a connector made of a webhook, before intake. */
public sealed interface WebhookResult {
  /** A close or reopen to take in. */
  record Event(TicketEvent event) implements WebhookResult {}

  /** Neither a close nor a reopen (a comment, a priority change...): answered 200 ignored. */
  record Ignored(String why) implements WebhookResult {}

  /** The payload is malformed or lacks a field: answered 400 naming the field. */
  record Invalid(String message) implements WebhookResult {}

  /** Signature, token or timestamp wrong, or no secret configured: answered 401. */
  record Unauthorized(String why) implements WebhookResult {}
}
