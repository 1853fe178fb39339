package dev.closeloop.chat.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.ChatMessage;
import dev.closeloop.chat.ChatPlatform;
import dev.closeloop.chat.DeliveryException;
import dev.closeloop.chat.Links;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.Outgoing;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.chat.Recipient;
import dev.closeloop.chat.UserLookup;
import dev.closeloop.language.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The local chat behind {@code /sandbox}: messages are rows in {@code sandbox_messages} (so the
 * page survives restarts), a DM conversation per demo user and one team channel. The page reads
 * them as JSON and sends clicks and typed text back through {@link #handler()}.
 */
public final class SandboxPlatform implements ChatPlatform {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final Clock clock;
  private volatile ChatEventHandler handler;

  public SandboxPlatform(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A message as the page shows it; {@code rev} grows with every insert and edit. */
  public record Message(
      long id,
      long rev,
      String conversation,
      String direction,
      Map<String, Object> body,
      Instant createdAt,
      Instant updatedAt) {}

  @Override
  public PlatformId id() {
    return PlatformId.SANDBOX;
  }

  @Override
  public void start(ChatEventHandler handler) {
    this.handler = handler;
  }

  public ChatEventHandler handler() {
    return handler;
  }

  @Override
  public void stop() {
    handler = null;
  }

  @Override
  public boolean connected() {
    return true;
  }

  /** The sandbox is one person trying Closeloop on this machine: they are the team too. */
  @Override
  public boolean inTeam(String userId, String group, String channelId) {
    return true;
  }

  @Override
  public UserLookup lookup(Recipient recipient) {
    String id =
        recipient.email() != null
            ? recipient.email()
            : recipient.slackId() != null
                ? "slack:" + recipient.slackId()
                : "discord:" + recipient.discordId();
    return new UserLookup.Found(id, null);
  }

  @Override
  public MessageRef send(Outgoing outgoing) throws DeliveryException {
    Instant now = clock.instant();
    if (outgoing instanceof Outgoing.Update u) {
      if (u.target() == null) {
        throw DeliveryException.permanent(DeliveryException.Kind.PERMANENT, "no message to update");
      }
      String payload = encode(outgoing.key(), u.message(), null);
      int n =
          jdbi.withHandle(
              h ->
                  h.createUpdate(
                          """
              UPDATE sandbox_messages SET payload = :p, updated_at = :now,
                rev = nextval('sandbox_rev') WHERE id = :id
              """)
                      .bind("p", payload)
                      .bind("now", now)
                      .bind("id", Long.parseLong(u.target().messageId()))
                      .execute());
      if (n == 0) {
        throw DeliveryException.permanent(DeliveryException.Kind.PERMANENT, "message not found");
      }
      return u.target();
    }
    String conversation;
    String payload;
    if (outgoing instanceof Outgoing.DirectMessage dm) {
      conversation = "dm:" + dm.userId();
      payload = encode(dm.key(), dm.message(), null);
    } else if (outgoing instanceof Outgoing.ChannelPost post) {
      conversation = "channel:" + post.channelId();
      payload = encode(post.key(), post.message(), null);
    } else if (outgoing instanceof Outgoing.Image img) {
      conversation = "channel:" + img.channelId();
      payload =
          encode(
              img.key(),
              ChatMessage.plainText(img.title()),
              "data:image/png;base64," + Base64.getEncoder().encodeToString(img.png()));
    } else {
      throw DeliveryException.permanent(DeliveryException.Kind.PERMANENT, "unsupported");
    }
    long id = insert(conversation, "out", payload, now);
    return new MessageRef(conversation, Long.toString(id));
  }

  /** Records what the person typed, so the page shows both sides. */
  public void recordIncoming(String userId, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", text);
    try {
      insert("dm:" + userId, "in", withoutBidi(JSON.writeValueAsString(body)), clock.instant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long insert(String conversation, String direction, String payload, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
            INSERT INTO sandbox_messages (conversation, direction, payload, created_at, updated_at,
                rev)
            VALUES (:c, :d, :p, :now, :now, nextval('sandbox_rev'))
            """)
                .bind("c", conversation)
                .bind("d", direction)
                .bind("p", payload)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<MessageRef> reconcile(Outgoing outgoing) {
    String needle = "%\"key\":" + quote(outgoing.key()) + "%";
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            SELECT conversation, id FROM sandbox_messages WHERE payload LIKE :k ORDER BY id LIMIT 1
            """)
                .bind("k", needle)
                .map(
                    (rs, ctx) ->
                        new MessageRef(
                            rs.getString("conversation"), Long.toString(rs.getLong("id"))))
                .findOne());
  }

  /** Up to {@code limit} messages added or edited after revision {@code afterRev}, in order. */
  public List<Message> messages(long afterRev, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            SELECT * FROM sandbox_messages WHERE rev > :after ORDER BY rev LIMIT :limit
            """)
                .bind("after", afterRev)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Message(
                            rs.getLong("id"),
                            rs.getLong("rev"),
                            rs.getString("conversation"),
                            rs.getString("direction"),
                            decode(rs.getString("payload")),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant()))
                .list());
  }

  private static String encode(String key, ChatMessage message, String image) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("message", Links.onlyHttp(message)); // the page renders what it gets

    if (image != null) {
      body.put("image", image);
    }
    try {
      return withoutBidi(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code json} without bidirectional overrides, embeddings and isolates, as Slack and Discord
   * show people's text ({@link Texts#isBidiControl}): on the page one would turn the rest of its
   * line around. They are never part of JSON's own syntax, so dropping them from the written text
   * only changes the strings in it.
   */
  private static String withoutBidi(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Texts.isBidiControl(c)) {
        if (out == null) {
          out = new StringBuilder(json.length()).append(json, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(String payload) {
    try {
      return JSON.readValue(payload, Map.class);
    } catch (JsonProcessingException e) {
      return Map.of("text", "(unreadable)");
    }
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
