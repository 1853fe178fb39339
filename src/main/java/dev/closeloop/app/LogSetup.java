package dev.closeloop.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The log set-up, in code (found by logback through {@code META-INF/services}): one console
 * appender, to stdout for {@code run} and to stderr for every other verb ({@link Main#LOG_TARGET}),
 * lines as {@code 2026-11-24T10:00:00.000Z INFO d.c.store.Database event=store_open db=h2}, every
 * message through {@link RedactingMessageConverter}, the libraries at WARN. In code rather than in
 * a {@code logback.xml} because reading one loads logback's XML configurator and the JDK's XML
 * parser (about 400 classes) into every process for five lines of settings.
 *
 * <p>An operator who wants other settings points {@code -Dlogback.configurationFile} at a file of
 * their own; then, and when a {@code logback-test.xml} is on the class path (the tests), this steps
 * aside and logback reads that file as usual.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20} %msg%n";

  /** Quiet by default: their INFO lines say nothing an operator needs. */
  static final String[] WARN_ONLY = {
    "com.github.kagkarlsson",
    "org.flywaydb",
    "com.zaxxer.hikari",
    "org.eclipse.jetty",
    "io.javalin",
    "com.slack.api",
    "net.dv8tion.jda"
  };

  /**
   * Jetty's request parser says WARN, once per request, for a URI or headers past the limit (414,
   * 431) and the like: the client's error, not the operator's, and any client can make as many as
   * it likes. {@link HttpApi} logs each refused request as one INFO line of its own instead.
   * Jetty's HostPort says WARN the same way for a malformed {@code Host} header ("Bad IPv6 host",
   * "Bad port").
   */
  static final String[] ERROR_ONLY = {
    "org.eclipse.jetty.http.HttpParser", "org.eclipse.jetty.util.HostPort"
  };

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context, System.getProperty(Main.LOG_TARGET, "System.out"));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context} with its console appender writing to {@code target}. */
  static void apply(LoggerContext context, String target) {
    context.getStatusManager().add(new NopStatusListener());
    @SuppressWarnings("unchecked")
    Map<String, Supplier<DynamicConverter<?>>> rules =
        (Map<String, Supplier<DynamicConverter<?>>>)
            context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
    if (rules == null) {
      rules = new HashMap<>();
      context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
    }
    rules.put("msg", RedactingMessageConverter::new);

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
    out.setContext(context);
    out.setName("OUT");
    out.setTarget(target);
    out.setEncoder(encoder);
    out.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(out);
    for (String name : WARN_ONLY) {
      context.getLogger(name).setLevel(Level.WARN);
    }
    for (String name : ERROR_ONLY) {
      context.getLogger(name).setLevel(Level.ERROR);
    }
  }
}
