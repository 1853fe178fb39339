package dev.closeloop.chat.slack;

import com.slack.api.methods.SlackApiException;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.DeliveryException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Maps Slack's answers to {@link DeliveryException}s. HTTP 429 is rate limiting (with {@code
 * Retry-After}); other non-2xx answers and failures to connect are transient; other I/O failures (a
 * timeout, a connection cut mid-call) leave the outcome unknown; an {@code ok:false} answer is
 * classified by its {@code error} code. {@code account_inactive} is not an unknown requester: Slack
 * uses it for a token whose own user or workspace is deleted, so it is permanent, and loud.
 */
final class SlackErrors {
  private static final Set<String> UNKNOWN_USER =
      Set.of(
          "user_not_found",
          "users_not_found",
          "user_disabled",
          "user_not_visible",
          "invalid_users");

  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited",
          "rate_limited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "timeout",
          "team_added_to_org");

  private SlackErrors() {}

  /** For an exception thrown by the Slack client while calling {@code method}. */
  static DeliveryException fromException(String method, Exception e) {
    if (e instanceof SlackApiException api) {
      int status = api.getResponse().code();
      if (status == 429) {
        return DeliveryException.rateLimited(retryAfter(api.getResponse().header("Retry-After")));
      }
      return DeliveryException.transientFailure(method + " answered HTTP " + status, e);
    }
    if (e instanceof java.net.ConnectException
        || e instanceof java.net.UnknownHostException
        || e instanceof java.net.NoRouteToHostException) {
      return DeliveryException.transientFailure(method + " failed: " + e.getMessage(), e);
    }
    if (e instanceof IOException) {
      // a timeout or a connection cut once the request was on its way: Slack may have acted on it
      return DeliveryException.noAnswer(
          method + " got no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          e);
    }
    return DeliveryException.transientFailure(method + " failed unexpectedly: " + e, e);
  }

  /** For an {@code ok:false} answer with {@code error}. */
  static DeliveryException fromError(String method, String error) {
    String message = method + " refused: " + error;
    if (error != null && UNKNOWN_USER.contains(error)) {
      return DeliveryException.permanent(Kind.UNKNOWN_USER, message);
    }
    if (error != null && TRANSIENT.contains(error)) {
      return DeliveryException.transientFailure(message, null);
    }
    return DeliveryException.permanent(Kind.PERMANENT, message);
  }

  static boolean isUnknownUser(String error) {
    return error != null && UNKNOWN_USER.contains(error);
  }

  /** Retry-After is whole seconds; a missing or odd value means "not said". */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
