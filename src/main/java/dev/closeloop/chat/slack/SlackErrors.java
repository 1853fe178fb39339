package dev.closeloop.chat.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
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

  /** For an {@code ok:false} answer to a post in {@code channel}, with what an operator can do. */
  static DeliveryException fromError(String method, SlackApiTextResponse resp, String channel) {
    DeliveryException e = fromError(method, resp.getError());
    String remedy = remedy(resp.getError(), channel, resp.getNeeded());
    return remedy == null ? e : e.withRemedy(remedy);
  }

  /** The errors by which Slack refuses a token. */
  private static final Set<String> REFUSED_TOKEN =
      Set.of("not_authed", "invalid_auth", "token_revoked", "token_expired", "account_inactive");

  /**
   * What an operator can do about {@code error} when posting in {@code channel}; null if unknown.
   */
  static String remedy(String error, String channel, String neededScope) {
    if (error == null) {
      return null;
    }
    return switch (error) {
      case "channel_not_found" ->
          "check that "
              + channel
              + " is the channel's id (not its name) and invite the bot to the channel"
              + " (/invite @your-app in it)";
      case "not_in_channel" -> "invite the bot to the channel " + channel + " (/invite @your-app)";
      case "is_archived" -> "channel " + channel + " is archived: unarchive it or set another";
      case "missing_scope" ->
          "add the bot token scope "
              + (neededScope == null || neededScope.isBlank() ? "chat:write" : neededScope)
              + " to the Slack app, then reinstall it to the workspace";
      case "restricted_action",
          "restricted_action_read_only_channel",
          "restricted_action_non_threadable_channel" ->
          "a workspace setting keeps the app from posting in " + channel + ": allow it there";
      default ->
          REFUSED_TOKEN.contains(error)
              ? "check slack.botToken: Slack refuses it (reinstall the app for a new token)"
              : null;
    };
  }

  /**
   * Why connecting to Slack failed, telling a token Slack refused from a Slack that could not be
   * reached (Bolt says "The token is invalid" for both): auth.test answered with an error, or
   * apps.connections.open did; else the call itself failed.
   */
  static String startFailure(Throwable e, String apiUrl) {
    String m = String.valueOf(e.getMessage());
    String answered = inside(m, "The token is invalid (auth.test error: ");
    if (answered != null) {
      return REFUSED_TOKEN.contains(answered)
          ? "Slack refused slack.botToken (auth.test: "
              + answered
              + "): check it, or reinstall the app for a new token"
          : "Slack answered auth.test with " + answered;
    }
    String socket = inside(m, "Failed to connect to the Socket Mode endpoint URL (error: ");
    if (socket != null) {
      return REFUSED_TOKEN.contains(socket)
          ? "Slack refused slack.appToken (apps.connections.open: "
              + socket
              + "): check it, and that it has the connections:write scope"
          : "Slack answered apps.connections.open with " + socket;
    }
    String failed = inside(m, "The token is invalid (error: ");
    if (failed != null || e instanceof IOException || e.getCause() instanceof IOException) {
      return "Slack cannot be reached at "
          + apiUrl
          + " ("
          + (failed != null ? failed : e.toString())
          + "): the token was not checked";
    }
    return e.toString();
  }

  /** What follows {@code prefix} up to the closing parenthesis, or null. */
  private static String inside(String message, String prefix) {
    return message.startsWith(prefix) && message.endsWith(")")
        ? message.substring(prefix.length(), message.length() - 1)
        : null;
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
