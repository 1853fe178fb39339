package dev.closeloop.ticket.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.Helpdesks;
import dev.closeloop.ticket.Signatures;
import dev.closeloop.ticket.TicketEvent.Kind;
import dev.closeloop.ticket.WebhookRequest;
import dev.closeloop.ticket.WebhookResult;
import java.util.Optional;

/**
 * Jira Cloud / Jira Service Management / Data Center webhooks ({@code jira:issue_updated}).
 *
 * <p>Auth: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>}; unsigned Data Center
 * webhooks put the secret in {@code ?token=}. Jira sends no timestamp header.
 *
 * <p>A close is a changelog item {@code resolution} set, or {@code status} while the issue's status
 * category is {@code done}. A reopen is the resolution cleared (a {@code resolution} item whose
 * {@code to} is null). A status change into a category other than done says the issue is open
 * without saying it was done before: that is {@code SEEN_OPEN}, a reopen only if Closeloop last saw
 * the issue closed.
 */
public final class JiraConnector extends WebhookConnector {
  public JiraConnector(Helpdesks.Jira config) {
    super(JiraIssues.SOURCE, config == null ? "" : config.secret());
  }

  @Override
  protected Optional<String> authenticate(WebhookRequest request) {
    String signature = request.header("X-Hub-Signature");
    String token = request.queryParam(Auth.TOKEN_PARAM);
    if (signature == null && token == null) {
      return Optional.of("missing X-Hub-Signature header or token parameter");
    }
    boolean signed =
        Auth.prefixedHexMatches(
            signature, "sha256=", Signatures.hmacSha256Hex(secret, request.body()));
    boolean tokenOk = Signatures.equal(secret, token);
    return signed | tokenOk ? Optional.empty() : Optional.of("signature does not match");
  }

  @Override
  protected byte[] verifiedSignature(WebhookRequest request) {
    byte[] expected = Signatures.hmac("HmacSHA256", secret, request.body());
    boolean signed =
        Auth.prefixedHexMatches(
            request.header("X-Hub-Signature"),
            "sha256=",
            java.util.HexFormat.of().formatHex(expected));
    return signed ? expected : null; // else the ?token= way: the body digest identifies it
  }

  /** The webhook's {@code timestamp} (ms), else the issue's {@code fields.updated}. */
  @Override
  protected java.time.Instant changedAt(JsonNode root) {
    JsonNode ms = root.path("timestamp");
    if (ms.canConvertToLong() && ms.asLong() > 0) {
      return java.time.Instant.ofEpochMilli(ms.asLong());
    }
    return Times.tryParse(Fields.text(root, "/issue/fields/updated"));
  }

  @Override
  protected WebhookResult map(JsonNode root, WebhookRequest request) {
    String event = Fields.required(root, "/webhookEvent", "webhookEvent");
    if (!"jira:issue_updated".equals(event)) {
      return Events.ignored("webhookEvent " + event);
    }
    JsonNode issue = root.path("issue");
    if (!issue.isObject()) {
      throw PayloadException.missing("issue");
    }
    JsonNode resolution = changelogItem(root, "resolution");
    JsonNode status = changelogItem(root, "status");
    if (resolution != null) {
      // set: a close; set to nothing: the resolution cleared, a reopen (with or without the old
      // value beside it, as the contract reads it)
      return Fields.text(resolution, "/to") != null || Fields.text(resolution, "/toString") != null
          ? Events.event(JiraIssues.closed(issue))
          : reopen(issue, Kind.REOPENED);
    }
    if (status != null) {
      return JiraIssues.statusDone(issue)
          ? Events.event(JiraIssues.closed(issue))
          : reopen(issue, Kind.SEEN_OPEN);
    }
    return Events.ignored("no resolution or status change");
  }

  private static WebhookResult reopen(JsonNode issue, Kind kind) {
    return Events.event(
        Events.opened(
            JiraIssues.SOURCE, kind, JiraIssues.ticket(issue), JiraIssues.requester(issue)));
  }

  private static JsonNode changelogItem(JsonNode root, String field) {
    for (JsonNode item : root.at("/changelog/items")) {
      if (field.equalsIgnoreCase(Fields.text(item, "/field"))) {
        return item;
      }
    }
    return null;
  }
}
