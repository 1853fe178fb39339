package dev.closeloop.chat.discord;

import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@code /closeloop} slash command, its subcommands described in every bundled
 * language.
 */
final class DiscordCommands {
  private static final Logger log = LoggerFactory.getLogger(DiscordCommands.class);

  private DiscordCommands() {}

  /** The bundled languages as Discord names its client languages. */
  private static final Map<DiscordLocale, String> LOCALES =
      Map.of(
          DiscordLocale.GERMAN, "de",
          DiscordLocale.FRENCH, "fr",
          DiscordLocale.SPANISH, "es",
          DiscordLocale.SPANISH_LATAM, "es",
          DiscordLocale.PORTUGUESE_BRAZILIAN, "pt",
          DiscordLocale.JAPANESE, "ja");

  static void register(JDA jda) {
    Catalog texts = Catalog.requester(Map.of());
    SlashCommandData command =
        localized(
            Commands.slash(DiscordPlatform.COMMAND, english(texts, "commandDescription")),
            texts,
            "commandDescription");
    command
        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
        .addSubcommands(
            subcommand("stats", "commandStats", texts),
            subcommand("optout", "commandOptout", texts),
            subcommand("optin", "commandOptin", texts),
            subcommand("link", "commandLink", texts)
                .addOptions(option("email", "commandLinkEmail", texts)),
            subcommand("verify", "commandVerify", texts)
                .addOptions(option("code", "commandVerifyCode", texts)));
    jda.updateCommands()
        .addCommands(command)
        .queue(
            commands -> log.info("event=discord_commands_registered count={}", commands.size()),
            failure ->
                log.error("event=discord_commands_failed next=none (restart to retry)", failure));
  }

  private static SubcommandData subcommand(String name, String key, Catalog texts) {
    SubcommandData sub = new SubcommandData(name, english(texts, key));
    LOCALES.forEach(
        (locale, lang) -> sub.setDescriptionLocalization(locale, text(texts, lang, key)));
    return sub;
  }

  private static SlashCommandData localized(SlashCommandData c, Catalog texts, String key) {
    LOCALES.forEach((locale, lang) -> c.setDescriptionLocalization(locale, text(texts, lang, key)));
    return c;
  }

  private static OptionData option(String name, String key, Catalog texts) {
    OptionData o = new OptionData(OptionType.STRING, name, english(texts, key), true);
    LOCALES.forEach((locale, lang) -> o.setDescriptionLocalization(locale, text(texts, lang, key)));
    return o;
  }

  private static String english(Catalog texts, String key) {
    return text(texts, Languages.FALLBACK, key);
  }

  private static String text(Catalog texts, String lang, String key) {
    return texts.format(lang, key, Map.of(), java.time.ZoneOffset.UTC);
  }
}
