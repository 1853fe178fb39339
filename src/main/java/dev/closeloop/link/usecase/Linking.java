package dev.closeloop.link.usecase;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.delivery.usecase.OutboxWriter;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import dev.closeloop.language.Words;
import dev.closeloop.store.People;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a link between an email and a Discord account, and tells an account a link leaves. */
public final class Linking {
  private static final Logger log = LoggerFactory.getLogger(Linking.class);

  private Linking() {}

  /**
   * Links {@code email} to {@code discordId}, telling the Discord account it replaces (verified and
   * imported links are never replaced silently). Also the way CSV imports link.
   */
  public static void link(Handle h, String email, String discordId, Instant now) {
    People people = new People(h);
    Optional<String> before = people.linkedDiscordId(email);
    people.link(email, discordId);
    if (before.isPresent() && !before.get().equals(discordId)) {
      dm(
          h,
          "unlinked-" + before.get() + "-" + now.toEpochMilli() + "-" + Math.abs(email.hashCode()),
          before.get(),
          new Words(
                  Catalog.requester(java.util.Map.of()),
                  Languages.resolve(
                      null,
                      people.localeOf("discord", before.get()).orElse(null),
                      Languages.FALLBACK,
                      java.util.Set.copyOf(Languages.BUNDLED)),
                  java.time.ZoneOffset.UTC)
              .t("linkReplaced", "email", email),
          now);
      log.info("event=link_replaced previous_discord_user={} next=told", before.get());
    }
  }

  static void dm(Handle h, String key, String discordId, String text, Instant now) {
    OutboxWriter.enqueue(
        h,
        PlatformId.DISCORD,
        new Outgoing.DirectMessage(key, discordId, ChatMessage.plainText(text)),
        null,
        "link",
        now,
        now);
  }
}
