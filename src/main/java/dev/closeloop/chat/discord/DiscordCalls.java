package dev.closeloop.chat.discord;

import dev.closeloop.chat.DeliveryException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REST call to Discord through the current JDA, waited for at most {@code sendTimeout}, every
 * failure mapped to a {@link DeliveryException} (a wait JDA's rate limiter would prolong becomes
 * {@link DeliveryException#rateLimited}).
 */
final class DiscordCalls {
  private static final Logger log = LoggerFactory.getLogger(DiscordCalls.class);

  private final Supplier<JDA> jda;
  private final Duration sendTimeout;
  private final RateLimitObserver rateLimits;

  DiscordCalls(Supplier<JDA> jda, Duration sendTimeout, RateLimitObserver rateLimits) {
    this.jda = jda;
    this.sendTimeout = sendTimeout;
    this.rateLimits = rateLimits;
  }

  /** Waits for a REST action, at most {@code sendTimeout}, mapping every failure. */
  <T> T await(RestAction<T> action, String pathSuffix) throws DeliveryException {
    CompletableFuture<T> future = action.submit();
    try {
      return future.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      Optional<Duration> wait = rateLimits.remaining(pathSuffix);
      if (wait.isPresent()) {
        log.info(
            "event=discord_rate_limited path={} wait={} next=outbox_retry", pathSuffix, wait.get());
        throw DeliveryException.rateLimited(wait.get());
      }
      // the request may have reached Discord: it is looked up (nonce, marker) before any resend
      throw DeliveryException.noAnswer(
          "no answer from Discord within " + sendTimeout + " for " + pathSuffix, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw DeliveryException.transientFailure("interrupted", e);
    } catch (ExecutionException e) {
      throw DiscordErrors.toDelivery(pathSuffix, e);
    } catch (RuntimeException e) {
      // JDA validates while building the request, before anything is sent
      throw DiscordErrors.toDelivery(pathSuffix, e);
    }
  }

  JDA connectedJda() throws DeliveryException {
    JDA current = jda.get();
    if (current == null
        || current.getStatus() == JDA.Status.SHUTDOWN
        || current.getStatus() == JDA.Status.SHUTTING_DOWN) {
      throw DeliveryException.transientFailure("Discord not connected", null);
    }
    return current;
  }
}
