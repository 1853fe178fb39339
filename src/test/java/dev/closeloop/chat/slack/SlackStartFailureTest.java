package dev.closeloop.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.closeloop.config.Config;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * When Slack cannot be started, the log says why in words an operator can act on: a Slack that
 * cannot be reached is not "the token is invalid" (what Bolt says for both), and a token Slack
 * refused names the key to check. Through the real Bolt client, in both modes.
 */
class SlackStartFailureTest {
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  FakeSlack fake;

  @BeforeEach
  void listen() {
    logs.start();
    root.addAppender(logs);
    fake = FakeSlack.start();
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    fake.close();
  }

  private String firstFailure(Config.Slack config) {
    SlackPlatform slack = new SlackPlatform(config, SlackSocketModeTest.FAST);
    try {
      slack.start(new RecordingHandler());
      SlackHttpModeTest.eventually().until(() -> failures().size() > 0);
      return failures().get(0);
    } finally {
      slack.stop();
    }
  }

  private List<String> failures() {
    return List.copyOf(logs.list).stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("slack start failed") || m.startsWith("slack socket connect"))
        .toList();
  }

  private static Function<FakeSlack, Config.Slack> mode(boolean socket) {
    return f -> socket ? f.socketModeConfig() : f.httpModeConfig("signing-secret");
  }

  @ParameterizedTest(name = "socket mode: {0}")
  @ValueSource(booleans = {true, false})
  void unreachableSlackIsNotCalledAnInvalidToken(boolean socket) {
    Config.Slack config = mode(socket).apply(fake);
    fake.close(); // nothing answers at apiUrl any more

    String line = firstFailure(config);

    assertThat(line)
        .contains("Slack cannot be reached at " + config.apiUrl())
        .contains("the token was not checked")
        .doesNotContainIgnoringCase("invalid");
  }

  @ParameterizedTest(name = "socket mode: {0}")
  @ValueSource(booleans = {true, false})
  void aRefusedBotTokenIsNamed(boolean socket) {
    fake.failWith("auth.test", "invalid_auth", FakeSlack.ALWAYS);

    String line = firstFailure(mode(socket).apply(fake));

    assertThat(line).contains("Slack refused slack.botToken (auth.test: invalid_auth)");
  }

  @Test
  void aRefusedAppTokenIsNamed() {
    fake.failWith("apps.connections.open", "invalid_auth", FakeSlack.ALWAYS);

    String line = firstFailure(fake.socketModeConfig());

    assertThat(line).contains("Slack refused slack.appToken (apps.connections.open: invalid_auth)");
  }
}
