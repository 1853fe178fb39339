package dev.closeloop.chat.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.closeloop.testing.FloodingServer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Looking the gateway up reads a bounded answer: a broken or hostile apiUrl cannot fill memory. */
class GatewayLocatorTest {
  @Test
  void anAnswerOverSixtyFourKibIsRefusedUnread() {
    try (FloodingServer flood = new FloodingServer(8L * 1024 * 1024, false)) {
      assertThatThrownBy(() -> GatewayLocator.locate("", flood.baseUrl() + "/", "token"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("more than 64 KiB");
    }
  }
}
