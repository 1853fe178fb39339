package dev.closeloop.chat.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.RequestBody;

/**
 * Message routes addressed by channel id alone. JDA's public API reaches a channel only through its
 * cache, which a bot with no guild intents and a fresh start does not have (a digest channel, the
 * DM of a survey sent before a restart). These go through JDA's own requester, so the token, the
 * REST base URL and the rate-limit buckets are shared with everything else JDA sends.
 *
 * <p>Uses {@code RestActionImpl} from JDA's internal package (stable since JDA 4, and used the same
 * way by JDA extensions); revisit when upgrading JDA.
 */
final class ChannelRest {
  private final JDA jda;

  ChannelRest(JDA jda) {
    this.jda = jda;
  }

  /**
   * POST channels/{id}/messages with the nonce and {@code enforce_nonce: true}, exactly as JDA's
   * own {@code MessageCreateAction} does. Files go as multipart. Returns the created message.
   */
  RestAction<DataObject> create(String channelId, MessageCreateData data, String nonce) {
    DataObject json = data.toData().put("nonce", nonce).put("enforce_nonce", true);
    return new RestActionImpl<DataObject>(
        jda,
        Route.Messages.SEND_MESSAGE.compile(channelId),
        (response, request) -> response.getObject()) {
      @Override
      protected RequestBody finalizeData() {
        return getMultipartBody(data.getAllDistinctFiles(), json);
      }
    };
  }

  /** PATCH channels/{id}/messages/{id}: replaces content, embeds and components. */
  RestAction<DataObject> edit(String channelId, String messageId, MessageEditData data) {
    return new RestActionImpl<>(
        jda,
        Route.Messages.EDIT_MESSAGE.compile(channelId, messageId),
        data.toData(),
        (response, request) -> response.getObject());
  }

  /** GET channels/{id}/messages?limit=N: the newest messages, newest first. */
  RestAction<DataArray> recent(String channelId, int limit) {
    return new RestActionImpl<>(
        jda,
        Route.Messages.GET_MESSAGE_HISTORY
            .compile(channelId)
            .withQueryParams("limit", Integer.toString(limit)),
        (response, request) -> response.getArray());
  }

  /** GET channels/{id}: the channel with its guild and permission overwrites. */
  RestAction<DataObject> channel(String channelId) {
    return new RestActionImpl<>(
        jda,
        Route.Channels.GET_CHANNEL.compile(channelId),
        (response, request) -> response.getObject());
  }

  /**
   * GET guilds/{id}/roles: every role with its permissions ({@code @everyone} has the guild id).
   */
  RestAction<DataArray> roles(String guildId) {
    return new RestActionImpl<>(
        jda, Route.Roles.GET_ROLES.compile(guildId), (response, request) -> response.getArray());
  }

  /** GET guilds/{id}/members/{user}: the member and their role ids (404 when not a member). */
  RestAction<DataObject> member(String guildId, String userId) {
    return new RestActionImpl<>(
        jda,
        Route.Guilds.GET_MEMBER.compile(guildId, userId),
        (response, request) -> response.getObject());
  }
}
