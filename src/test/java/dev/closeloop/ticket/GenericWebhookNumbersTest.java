package dev.closeloop.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.ticket.connector.Fields;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A ticket id or a platform id sent as a JSON number is read as the number the sender wrote, the
 * same on the generic webhook and the helpdesk routes: never a double's rounding of it.
 */
class GenericWebhookNumbersTest {

  private static TicketEvent close(String id, String discordId) {
    String body =
        "{\"event\":\"ticket.closed\",\"ticket\":{\"id\":"
            + id
            + "},\"requester\":{\"discordId\":"
            + discordId
            + "}}";
    WebhookResult r = GenericWebhook.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(r).isInstanceOf(WebhookResult.Event.class);
    return ((WebhookResult.Event) r).event();
  }

  @Test
  void aWholeNumberWrittenWithAFractionOrAnExponentIsThatWholeNumber() {
    assertThat(close("1042", "\"123456789012345678\"").ticket().id()).isEqualTo("1042");
    assertThat(close("4.0", "\"123456789012345678\"").ticket().id()).isEqualTo("4");
    assertThat(close("1e3", "\"123456789012345678\"").ticket().id()).isEqualTo("1000");
    assertThat(close("1.5", "\"123456789012345678\"").ticket().id()).isEqualTo("1.5");
  }

  @Test
  void aDiscordIdWrittenWithAnExponentKeepsEveryDigit() {
    assertThat(close("\"INC-1\"", "1.23456789012345678e17").requester().discordId())
        .isEqualTo("123456789012345678");
  }

  @Test
  void aNumberPastWhatADoubleHoldsIsNeverInfinity() {
    String id = close("1e999999", "\"123456789012345678\"").ticket().id();
    assertThat(id).isNotEqualTo("Infinity").isEqualToIgnoringCase("1E+999999");
  }

  @Test
  void helpdeskFieldsReadNumbersTheSameWay() {
    var root =
        WebhookJson.read(
            "{\"a\":1e999999,\"b\":207.00,\"c\":1.23456789012345678e17}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(Fields.text(root, "/a")).isNotEqualTo("Infinity");
    assertThat(Fields.text(root, "/b")).isEqualTo("207");
    assertThat(Fields.text(root, "/c")).isEqualTo("123456789012345678");
  }
}
