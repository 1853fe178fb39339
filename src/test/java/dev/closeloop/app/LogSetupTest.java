package dev.closeloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The log set-up in code gives what logback.xml gave: the line format, the redaction of credentials
 * in every message, the target stream, and the libraries at WARN.
 */
class LogSetupTest {
  @Test
  void aLineHasTheTimeTheLevelTheLoggerAndTheRedactedMessage() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context, "System.err");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> out =
        (ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) root.getAppender("OUT");
    Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder = out.getEncoder();

    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("dev.closeloop.ticket.poll.Pollers"),
            Level.WARN,
            "event=poll_failed url=https://sn.example/api?token=s3cr3tvalue&x=1",
            null,
            null);
    event.setTimeStamp(java.time.Instant.parse("2026-11-24T10:00:00Z").toEpochMilli());
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) WARN "
                + " d\\.c\\.t\\.poll\\.Pollers event=poll_failed"
                + " url=https://sn\\.example/api\\?token=\\*\\*\\*&x=1\\R");
    assertThat(out.getTarget()).isEqualTo("System.err");
  }

  @Test
  void textFromOutsideCannotStartALineOfItsOwnOrColourTheTerminal() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context, "System.out");
    @SuppressWarnings("unchecked")
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> out =
        (ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT");
    // a ticket id, a name or a comment as a webhook, a helpdesk or a chat user sends it
    String hostile =
        "INC-1\r\n2026-11-24T10:00:00.000Z ERROR d.c.app.App admin token accepted"
            + "\u001b[2J\u001b[31mred\u0085next\u2028line\u0000";
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger("dev.closeloop.ticket.usecase.IntakeService"),
            Level.INFO,
            "event=ticket_closed source={} ticket={}",
            null,
            new Object[] {"generic", hostile});
    String line = new String(out.getEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .doesNotContain("\u001b", "\u0085", "\u2028", "\u0000", "\r")
        .endsWith(
            "ticket=INC-1\\r\\n2026-11-24T10:00:00.000Z ERROR d.c.app.App admin token accepted"
                + "\\u001b[2J\\u001b[31mred\\u0085next\\u2028line\\u0000"
                + System.lineSeparator());
  }

  @Test
  void theLibrariesAreQuietAndTheAppSaysInfo() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context, "System.out");
    assertThat(context.getLogger("dev.closeloop").getEffectiveLevel()).isEqualTo(Level.INFO);
    for (String library : LogSetup.WARN_ONLY) {
      assertThat(context.getLogger(library + ".Anything").getEffectiveLevel())
          .as(library)
          .isEqualTo(Level.WARN);
    }
    // a client's oversized request is the app's one INFO line, not the parser's WARN
    assertThat(context.getLogger("org.eclipse.jetty.http.HttpParser").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
    for (String library : LogSetup.ERROR_ONLY) {
      assertThat(context.getLogger(library).getEffectiveLevel()).as(library).isEqualTo(Level.ERROR);
    }
  }
}
