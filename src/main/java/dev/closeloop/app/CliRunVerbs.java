package dev.closeloop.app;

import static dev.closeloop.app.Cli.FAILED;
import static dev.closeloop.app.Cli.OK;
import static dev.closeloop.app.Cli.USAGE;

import dev.closeloop.config.Config;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The verbs that run the bot or read its configuration: run, check-config, config-reference. */
final class CliRunVerbs {
  private CliRunVerbs() {}

  @Command(name = "run", description = "Run the bot: webhooks, surveys, digest, admin API.")
  static final class Run extends CliVerb {
    @Override
    public Integer call() throws Exception {
      Config config = config();
      App app = new App(config, Clock.systemUTC(), Map.of());
      MemoryFootprint.returnIdleMemory();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    stopped.countDown();
                  },
                  "closeloop-shutdown"));
      app.start();
      stopped.await();
      return OK;
    }
  }

  @Command(
      name = "check-config",
      description = {
        "Validate the config and print every key as YAML that loads back unchanged: durations as"
            + " written, secrets as $${VAR} references. With --probe, also check each helpdesk's"
            + " write-back credentials and permissions with read-only calls (exit 1 when"
            + " something is missing or unreachable)."
      })
  static final class CheckConfig extends CliVerb {
    @Option(
        names = "--probe",
        description = "ask each helpdesk with write-back credentials what is missing")
    boolean probe;

    @Override
    public Integer call() {
      ConfigLoader.Loaded loaded = ConfigLoader.fromEnvironment().loadWritten(configFile());
      out().print(new ConfigPrinter(System::getenv).print(loaded).yaml());
      LanguageConfig.notes(loaded.config()).forEach(note -> err().println("note: " + note));
      SecretNotes.notes(loaded.config()).forEach(note -> err().println("note: " + note));
      out().println("# config OK: " + configPath);
      if (probe) {
        HttpClient http =
            HttpClient.newBuilder()
                .connectTimeout(loaded.config().timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return WriteBackProbe.run(loaded.config(), out(), http, Clock.systemUTC()) ? OK : FAILED;
      }
      return OK;
    }
  }

  @Command(
      name = "config-reference",
      description = {
        "Print the configuration reference (Markdown); with --write FILE, update the generated"
            + " parts of FILE (docs/reference.md) instead."
      })
  static final class ConfigRef implements Callable<Integer> {
    @Option(
        names = "--write",
        paramLabel = "FILE",
        description = "rewrite the generated parts of this file in place")
    Path write;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (write == null) {
        spec.commandLine().getOut().print(ConfigReference.config());
        return OK;
      }
      if (!Files.isRegularFile(write)) {
        spec.commandLine().getErr().println("cannot read " + write);
        return USAGE;
      }
      Files.writeString(write, ConfigReference.rewrite(Files.readString(write)));
      spec.commandLine().getErr().println("updated " + write);
      return OK;
    }
  }
}
