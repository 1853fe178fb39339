package dev.closeloop.chat.discord;

import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.DeliveryException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;

/** The one place where Discord's failures become {@link DeliveryException}s. */
final class DiscordErrors {
  /** Cannot send messages to this user (DMs closed, or no server shared with the bot). */
  static final int CANNOT_DM = 50007;

  static final int UNKNOWN_USER = 10013;

  static final int UNKNOWN_CHANNEL = 10003;
  static final int MISSING_ACCESS = 50001;
  static final int MISSING_PERMISSIONS = 50013;
  static final int UNAUTHORIZED = 40001;

  private DiscordErrors() {}

  static DeliveryException toDelivery(String what, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof DeliveryException delivery) {
      return delivery;
    }
    if (cause instanceof RateLimitedException limited) {
      return DeliveryException.rateLimited(Duration.ofMillis(limited.getRetryAfter()));
    }
    if (cause instanceof ErrorResponseException error) {
      return fromResponse(what, error);
    }
    if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
      // JDA refused to build the request (a limit, a malformed id): sending again cannot help
      return new DeliveryException(
          Kind.PERMANENT, what + " refused before sending: " + cause.getMessage(), null, cause);
    }
    if (cause instanceof java.net.ConnectException
        || cause instanceof java.net.UnknownHostException
        || cause instanceof RejectedExecutionException) {
      return DeliveryException.transientFailure(what + " failed: " + cause, cause);
    }
    if (cause instanceof IOException || cause instanceof UncheckedIOException) {
      // a timeout or a connection cut once the request was on its way: Discord may have acted
      return DeliveryException.noAnswer(what + " got no answer: " + cause, cause);
    }
    return DeliveryException.transientFailure(what + " failed unexpectedly: " + cause, cause);
  }

  private static DeliveryException fromResponse(String what, ErrorResponseException error) {
    int status = error.getResponse() == null ? -1 : error.getResponse().code;
    String detail =
        what
            + " failed: HTTP "
            + status
            + " code "
            + error.getErrorCode()
            + " "
            + error.getMeaning();
    if (error.getResponse() != null && error.getResponse().getException() != null) {
      // JDA wraps a failed call (a timeout, a cut connection) in an error response: the call's own
      // failure says whether the request may have reached Discord (a read timeout after the
      // request went out must be looked up before a resend, not sent again blindly)
      return toDelivery(what, error.getResponse().getException());
    }
    if (error.getErrorCode() == CANNOT_DM) {
      return new DeliveryException(Kind.DM_CLOSED, detail, null, error);
    }
    if (error.getErrorCode() == UNKNOWN_USER) {
      return new DeliveryException(Kind.UNKNOWN_USER, detail, null, error);
    }
    if (status == 429) {
      return new DeliveryException(Kind.TRANSIENT, detail, Duration.ofSeconds(1), error);
    }
    if (status >= 500 || status < 0 || error.isServerError()) {
      return DeliveryException.transientFailure(detail, error);
    }
    DeliveryException permanent = new DeliveryException(Kind.PERMANENT, detail, null, error);
    String remedy = remedy(error.getErrorCode());
    return remedy == null ? permanent : permanent.withRemedy(remedy);
  }

  /** What an operator can do about a refusal with this Discord error code; null if unknown. */
  static String remedy(int code) {
    return switch (code) {
      case UNKNOWN_CHANNEL ->
          "check the channel id (Discord: Developer Mode, then right-click the channel, Copy"
              + " Channel ID)";
      case MISSING_ACCESS ->
          "let the bot see the channel: give its role View Channel and Send Messages there (or"
              + " invite the bot to the server)";
      case MISSING_PERMISSIONS ->
          "give the bot's role Send Messages, Embed Links and Attach Files in that channel";
      case UNAUTHORIZED -> "check discord.token: Discord refuses it (reset it in the portal)";
      default -> null;
    };
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
