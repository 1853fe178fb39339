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
      return DeliveryException.transientFailure(detail, error);
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
    return new DeliveryException(Kind.PERMANENT, detail, null, error);
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
