package dev.closeloop.bench;

import dev.closeloop.chat.discord.FakeDiscord;
import dev.closeloop.chat.slack.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fake Slack and fake Discord behind {@link LimitProxy}s, and an app config pointing at them. */
final class Rig implements AutoCloseable {
  final FakeSlack slack = FakeSlack.start();
  final FakeDiscord discord = FakeDiscord.start();
  final LimitProxy slackProxy;
  final LimitProxy discordProxy;
  final Path dir;

  Rig(Path dir) throws Exception {
    this(dir, LimitProxy.Model.BUCKET);
  }

  /** Both fakes behind proxies that count every limit by {@code model}. */
  Rig(Path dir, LimitProxy.Model model) throws Exception {
    this.dir = dir;
    slackProxy = new LimitProxy(LimitProxy.Kind.SLACK, model, slack.apiUrl());
    discordProxy = new LimitProxy(LimitProxy.Kind.DISCORD, model, discord.apiUrl());
  }

  String storageUrl() {
    return "jdbc:h2:file:" + dir.resolve("db/closeloop");
  }

  /** The app's config: both platforms through the proxies, surveys due at once, no quiet time. */
  String yaml() {
    return """
        server: { port: 0, portFile: "%s" }
        storage: { url: "%s" }
        intake: { secret: "%s" }
        admin: { token: "bench-token" }
        slack: { botToken: "%s", appToken: "%s", apiUrl: "%s" }
        discord: { token: "%s", apiUrl: "%s", gatewayUrl: "%s" }
        survey: { delay: PT0S, cooldown: PT0S, quietHours: "", weekends: true, reminderAfter: PT0S }
        """
        .formatted(
            dir.resolve("app.port"),
            storageUrl(),
            IntakeBench.SECRET,
            FakeSlack.BOT_TOKEN,
            FakeSlack.APP_TOKEN,
            slackProxy.url(),
            FakeDiscord.TOKEN,
            discordProxy.url(),
            discord.gatewayUrl());
  }

  Path writeConfig() throws Exception {
    Path config = dir.resolve("closeloop.yml");
    Files.writeString(config, yaml());
    return config;
  }

  @Override
  public void close() {
    slackProxy.close();
    discordProxy.close();
    slack.close();
    discord.close();
  }
}
