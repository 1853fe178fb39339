package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.DeliveryException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Set;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.Test;

/**
 * JDA hands a failed call (OkHttp's call timeout, a read timeout, a cut connection) back as an
 * {@link ErrorResponseException} around the call's own exception; whether the request may have
 * reached Discord depends on that exception, not on the wrapper.
 */
class DiscordErrorsTest {

  private static ErrorResponseException failedCall(Exception e) {
    return ErrorResponseException.create(ErrorResponse.SERVER_ERROR, new Response(e, Set.of()));
  }

  @Test
  void aTimeoutOnTheWayBackMayHaveBeenSentSoItIsLookedUpNotResent() {
    for (Exception timeout :
        new Exception[] {
          new InterruptedIOException("timeout"), new SocketTimeoutException("Read timed out")
        }) {
      DeliveryException e =
          DiscordErrors.toDelivery("POST channels/1/messages", failedCall(timeout));
      // before: a transient failure with a known outcome, resent without a lookup (a duplicate
      // whenever Discord had posted it)
      assertThat(e.outcomeUnknown()).as(timeout.toString()).isTrue();
    }
  }

  @Test
  void aConnectionThatNeverOpenedWasNotSent() {
    DeliveryException e =
        DiscordErrors.toDelivery(
            "POST channels/1/messages", failedCall(new ConnectException("Connection refused")));
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TRANSIENT);
  }
}
