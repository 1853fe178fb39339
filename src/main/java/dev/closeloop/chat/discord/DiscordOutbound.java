package dev.closeloop.chat.discord;

import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.discord.DiscordRenderer.Part;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Closeloop sends to Discord: direct messages and channel posts (split into parts that fit,
 * each with its own nonce and invisible marker), edits, images, and the look-up of a create that
 * may have reached Discord before a crash.
 */
final class DiscordOutbound {
  private static final Logger log = LoggerFactory.getLogger(DiscordOutbound.class);
  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
  private static final int RECONCILE_DEPTH = 50;

  private final DiscordCalls calls;

  DiscordOutbound(DiscordCalls calls) {
    this.calls = calls;
  }

  MessageRef send(Outgoing outgoing) throws DeliveryException {
    ChannelRest rest = new ChannelRest(calls.connectedJda());
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      return createAll(rest, openDm(dm.userId()), dm.key(), dm.message());
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      return createAll(rest, post.channelId(), post.key(), post.message());
    } else if (outgoing instanceof Outgoing.Update update) {
      return edit(rest, update);
    } else if (outgoing instanceof Outgoing.Image image) {
      return createImage(rest, image);
    }
    throw new IllegalArgumentException("unknown outgoing " + outgoing);
  }

  private MessageRef createAll(ChannelRest rest, String channelId, String key, ChatMessage message)
      throws DeliveryException {
    List<Part> parts = render(message);
    MessageRef first = null;
    for (int i = 0; i < parts.size(); i++) {
      String partKey = partKey(key, i);
      MessageCreateData data = createData(parts.get(i), partKey, List.of());
      DataObject created =
          calls.await(
              rest.create(channelId, data, DiscordText.nonce(partKey)), messagesPath(channelId));
      if (first == null) {
        first = new MessageRef(channelId, created.getString("id"));
      }
    }
    return first;
  }

  private MessageRef createImage(ChannelRest rest, Outgoing.Image image) throws DeliveryException {
    Part caption =
        new Part(
            DiscordText.truncate(DiscordText.escape(image.title()), DiscordRenderer.CONTENT_BUDGET),
            List.of(),
            List.of());
    MessageCreateData data =
        createData(
            caption, image.key(), List.of(FileUpload.fromData(image.png(), image.fileName())));
    DataObject created =
        calls.await(
            rest.create(image.channelId(), data, DiscordText.nonce(image.key())),
            messagesPath(image.channelId()));
    return new MessageRef(image.channelId(), created.getString("id"));
  }

  private MessageRef edit(ChannelRest rest, Outgoing.Update update) throws DeliveryException {
    List<Part> parts = render(update.message());
    if (parts.size() > 1) {
      log.warn(
          "event=discord_update_truncated key={} parts={} next=first_part_only",
          update.key(),
          parts.size());
    }
    Part part = parts.get(0);
    MessageEditData data =
        new MessageEditBuilder()
            .setContent(part.content())
            .setEmbeds(part.embeds())
            .setComponents(part.rows())
            .setAllowedMentions(List.of())
            .build();
    MessageRef target = update.target();
    calls.await(
        rest.edit(target.channelId(), target.messageId(), data),
        messagesPath(target.channelId()) + "/" + target.messageId());
    return target;
  }

  Optional<MessageRef> reconcile(Outgoing outgoing) throws DeliveryException {
    ChannelRest rest = new ChannelRest(calls.connectedJda());
    String channelId;
    String key;
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      channelId = openDm(dm.userId());
      key = partKey(dm.key(), 0);
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      channelId = post.channelId();
      key = partKey(post.key(), 0);
    } else if (outgoing instanceof Outgoing.Image image) {
      channelId = image.channelId();
      key = image.key();
    } else {
      return Optional.empty(); // an update is idempotent: just send it again
    }
    String marker = DiscordText.marker(key);
    String nonce = DiscordText.nonce(key);
    String self = calls.connectedJda().getSelfUser().getId();
    DataArray recent =
        calls.await(rest.recent(channelId, RECONCILE_DEPTH), messagesPath(channelId));
    for (int i = 0; i < recent.length(); i++) {
      DataObject message = recent.getObject(i);
      boolean mine =
          message.optObject("author").map(a -> self.equals(a.getString("id", ""))).orElse(false);
      if (mine
          && (message.getString("content", "").contains(marker)
              || nonce.equals(message.getString("nonce", "")))) {
        return Optional.of(new MessageRef(channelId, message.getString("id")));
      }
    }
    return Optional.empty();
  }

  private String openDm(String userId) throws DeliveryException {
    if (userId == null || !SNOWFLAKE.matcher(userId).matches()) {
      throw DeliveryException.permanent(
          DeliveryException.Kind.UNKNOWN_USER, "not a Discord user id: " + userId);
    }
    PrivateChannel channel =
        calls.await(calls.connectedJda().openPrivateChannelById(userId), "users/@me/channels");
    return channel.getId();
  }

  private static List<Part> render(ChatMessage message) throws DeliveryException {
    try {
      return DiscordRenderer.render(message);
    } catch (IllegalArgumentException e) {
      throw new DeliveryException(
          DeliveryException.Kind.PERMANENT, "cannot render: " + e.getMessage(), null, e);
    }
  }

  private static MessageCreateData createData(Part part, String key, List<FileUpload> files) {
    return new MessageCreateBuilder()
        .setContent(part.content() + DiscordText.marker(key))
        .setEmbeds(part.embeds())
        .setComponents(part.rows())
        .setFiles(files)
        .setAllowedMentions(List.of())
        .build();
  }

  private static String messagesPath(String channelId) {
    return "channels/" + channelId + "/messages";
  }

  /** Each message of a split send has its own key, so its nonce and marker are its own. */
  private static String partKey(String key, int part) {
    return part == 0 ? key : key + "#" + part;
  }
}
