package dev.closeloop.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.DeliveryException.Kind;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Outgoing} actions through the Web API and finds them again after a crash. Every new
 * message carries metadata {@code {event_type: closeloop_outbox, event_payload: {key}}}, which
 * {@link #reconcile} looks for in {@code conversations.history}.
 */
final class SlackOutbound {
  private static final Logger log = LoggerFactory.getLogger(SlackOutbound.class);
  static final String METADATA_EVENT_TYPE = "closeloop_outbox";

  /** How far back reconcile looks: a message in flight at a crash is among the newest. */
  static final int RECONCILE_PAGES = 3;

  static final int RECONCILE_PAGE_SIZE = 100;

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  private final MethodsClient client;
  private final SlackRenderer renderer;
  private final ObjectMapper json;

  SlackOutbound(MethodsClient client, SlackRenderer renderer, ObjectMapper json) {
    this.client = client;
    this.renderer = renderer;
    this.json = json;
  }

  MessageRef send(Outgoing outgoing) throws DeliveryException {
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      return directMessage(dm);
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      return post(post.channelId(), post.message(), post.key());
    } else if (outgoing instanceof Outgoing.Update update) {
      return update(update);
    } else if (outgoing instanceof Outgoing.Image image) {
      return image(image);
    }
    throw new IllegalArgumentException("unknown outgoing " + outgoing);
  }

  Optional<MessageRef> reconcile(Outgoing outgoing) throws DeliveryException {
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      return findByKey(openDm(dm.userId()), dm.key());
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      return findByKey(post.channelId(), post.key());
    } else if (outgoing instanceof Outgoing.Image image) {
      return findFile(image.channelId(), image.fileName());
    }
    return Optional.empty(); // an Update is safe to repeat
  }

  /** Posting to a user id lands in the app's DM with them; open the DM only if Slack insists. */
  private MessageRef directMessage(Outgoing.DirectMessage dm) throws DeliveryException {
    SlackRenderer.Rendered r = render(dm.message());
    ChatPostMessageResponse resp = postOnce(dm.userId(), r, dm.key());
    if (!resp.isOk() && "channel_not_found".equals(resp.getError())) {
      log.info(
          "slack dm channel_not_found user={} next=conversations.open and post again", dm.userId());
      resp = postOnce(openDm(dm.userId()), r, dm.key());
    }
    return posted("chat.postMessage", resp, dm.userId());
  }

  private MessageRef post(String channel, ChatMessage message, String key)
      throws DeliveryException {
    return posted("chat.postMessage", postOnce(channel, render(message), key), channel);
  }

  private ChatPostMessageResponse postOnce(String channel, SlackRenderer.Rendered r, String key)
      throws DeliveryException {
    return unchecked(
        "chat.postMessage",
        () ->
            client.chatPostMessage(
                q ->
                    q.channel(channel)
                        .text(r.text())
                        .blocksAsString(r.blocksJson())
                        .metadataAsString(metadata(key))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
  }

  private static MessageRef posted(String method, ChatPostMessageResponse resp, String channel)
      throws DeliveryException {
    if (!resp.isOk()) {
      throw SlackErrors.fromError(method, resp, channel);
    }
    return new MessageRef(resp.getChannel() != null ? resp.getChannel() : channel, resp.getTs());
  }

  private MessageRef update(Outgoing.Update update) throws DeliveryException {
    SlackRenderer.Rendered r = render(update.message());
    MessageRef target = update.target();
    ChatUpdateResponse resp =
        call(
            "chat.update",
            () ->
                client.chatUpdate(
                    q ->
                        q.channel(target.channelId())
                            .ts(target.messageId())
                            .text(r.text())
                            .blocksAsString(r.blocksJson())));
    return new MessageRef(
        resp.getChannel() != null ? resp.getChannel() : target.channelId(),
        resp.getTs() != null ? resp.getTs() : target.messageId());
  }

  /**
   * files.getUploadURLExternal, the upload, files.completeUploadExternal (the SDK's filesUploadV2).
   * Files carry no metadata, so the returned ref names the file id, and reconcile matches by name.
   */
  private MessageRef image(Outgoing.Image image) throws DeliveryException {
    try {
      FilesUploadV2Response resp =
          client.filesUploadV2(
              q ->
                  q.channel(image.channelId())
                      .fileData(image.png())
                      .filename(image.fileName())
                      .title(image.title()));
      if (!resp.isOk()) {
        throw SlackErrors.fromError("files.completeUploadExternal", resp, image.channelId());
      }
      String fileId = resp.getFile() != null ? resp.getFile().getId() : null;
      return new MessageRef(image.channelId(), fileId);
    } catch (SlackFilesUploadV2Exception e) {
      throw uploadFailure(e);
    } catch (IOException | SlackApiException e) {
      throw SlackErrors.fromException("files upload", e);
    }
  }

  private static DeliveryException uploadFailure(SlackFilesUploadV2Exception e) {
    for (FilesGetUploadURLExternalResponse r : e.getGetURLResponses()) {
      if (!r.isOk()) {
        return SlackErrors.fromError("files.getUploadURLExternal", r.getError());
      }
    }
    for (FilesUploadV2Response.UploadResponse r : e.getUploadResponses().values()) {
      if (r.getCode() != 200) {
        return DeliveryException.transientFailure("file upload answered HTTP " + r.getCode(), e);
      }
    }
    if (e.getCompleteResponse() != null && !e.getCompleteResponse().isOk()) {
      return SlackErrors.fromError(
          "files.completeUploadExternal", e.getCompleteResponse().getError());
    }
    return DeliveryException.transientFailure("file upload failed", e);
  }

  private String openDm(String userId) throws DeliveryException {
    ConversationsOpenResponse resp =
        call("conversations.open", () -> client.conversationsOpen(q -> q.users(List.of(userId))));
    return resp.getChannel().getId();
  }

  private Optional<MessageRef> findByKey(String channel, String key) throws DeliveryException {
    String cursor = null;
    for (int page = 0; page < RECONCILE_PAGES; page++) {
      ConversationsHistoryResponse resp = history(channel, cursor);
      for (Message m : resp.getMessages()) {
        if (hasKey(m.getMetadata(), key)) {
          return Optional.of(new MessageRef(channel, m.getTs()));
        }
      }
      cursor = nextCursor(resp);
      if (cursor == null) {
        break;
      }
    }
    return Optional.empty();
  }

  private Optional<MessageRef> findFile(String channel, String fileName) throws DeliveryException {
    ConversationsHistoryResponse resp = history(channel, null);
    for (Message m : resp.getMessages()) {
      if (m.getFiles() == null) {
        continue;
      }
      for (File f : m.getFiles()) {
        if (fileName.equals(f.getName())) {
          return Optional.of(new MessageRef(channel, f.getId()));
        }
      }
    }
    return Optional.empty();
  }

  private ConversationsHistoryResponse history(String channel, String cursor)
      throws DeliveryException {
    return call(
        "conversations.history",
        () ->
            client.conversationsHistory(
                q ->
                    q.channel(channel)
                        .includeAllMetadata(true)
                        .limit(RECONCILE_PAGE_SIZE)
                        .cursor(cursor)));
  }

  private static String nextCursor(ConversationsHistoryResponse resp) {
    if (!resp.isHasMore() || resp.getResponseMetadata() == null) {
      return null;
    }
    String next = resp.getResponseMetadata().getNextCursor();
    return next == null || next.isEmpty() ? null : next;
  }

  private static boolean hasKey(Message.Metadata metadata, String key) {
    if (metadata == null || !METADATA_EVENT_TYPE.equals(metadata.getEventType())) {
      return false;
    }
    Map<String, Object> payload = metadata.getEventPayload();
    return payload != null && Objects.equals(payload.get("key"), key);
  }

  String metadata(String key) {
    ObjectNode node = json.createObjectNode();
    node.put("event_type", METADATA_EVENT_TYPE);
    node.putObject("event_payload").put("key", key);
    return node.toString();
  }

  private SlackRenderer.Rendered render(ChatMessage message) throws DeliveryException {
    try {
      return renderer.render(message);
    } catch (SlackRenderer.TooManyBlocks e) {
      throw DeliveryException.permanent(Kind.PERMANENT, e.getMessage());
    }
  }

  private static <T extends SlackApiTextResponse> T call(String method, Call<T> call)
      throws DeliveryException {
    T resp = unchecked(method, call);
    if (!resp.isOk()) {
      throw SlackErrors.fromError(method, resp.getError());
    }
    return resp;
  }

  /** Runs the call; failures of transport and HTTP status throw, an ok:false answer returns. */
  private static <T> T unchecked(String method, Call<T> call) throws DeliveryException {
    try {
      return call.run();
    } catch (IOException | SlackApiException e) {
      throw SlackErrors.fromException(method, e);
    }
  }
}
