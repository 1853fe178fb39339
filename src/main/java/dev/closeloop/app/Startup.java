package dev.closeloop.app;

import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.ChatPlatform;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of a start that are not wiring: connecting the platforms, the port file, warm-up. */
final class Startup {
  private static final Logger log = LoggerFactory.getLogger(Startup.class);

  private Startup() {}

  /** Starts each platform's connection on a thread of its own. */
  static List<Thread> connect(Collection<ChatPlatform> platforms, ChatEventHandler handler) {
    List<Thread> connecting = new java.util.ArrayList<>();
    for (ChatPlatform p : platforms) {
      Thread t = new Thread(() -> p.start(handler), "start-" + p.id().wire());
      t.start();
      connecting.add(t);
    }
    return connecting;
  }

  static void join(List<Thread> threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes the bound port to {@code server.portFile} when set (the CLI finds the app by it). */
  static void writePortFile(String portFile, int port) {
    if (portFile != null && !portFile.isBlank()) {
      try {
        Files.writeString(Path.of(portFile), Integer.toString(port), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        log.warn("event=port_file_failed path={} error={}", portFile, e.toString());
      }
    }
  }

  static void awaitPlatforms(Supplier<List<String>> notConnected, Duration max) {
    long end = System.nanoTime() + max.toNanos();
    while (!notConnected.get().isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Work the ready line does not wait for (each about a CPU second of class loading and JIT on a
   * start that is CPU-bound): the JVM metric binders (platform MXBeans) and the comment
   * classifier's lexicons.
   */
  static void afterReady(PrometheusMeterRegistry metrics, Classifiers.Background classifier) {
    Thread t =
        new Thread(
            () -> {
              new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
              new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(metrics);
              new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(metrics);
              new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(metrics);
              classifier.load();
            },
            "closeloop-after-ready");
    t.setDaemon(true);
    t.start();
  }
}
