package dev.closeloop.chat.discord;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.MessageRef;
import dev.closeloop.chat.PersonLanes;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IDeferrableCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns JDA events into {@link ChatEvent}s and answers interactions. Nothing runs the core's
 * handler on JDA's one event thread: every event goes to its person's lane ({@link PersonLanes}),
 * so one person's typed lines and clicks are handled in the order sent, and a line held up by a
 * slow store delays only that person, never someone else's interaction past Discord's 3 seconds.
 * The handler runs first because a modal can only be the first answer to an interaction; if it has
 * not answered within {@link #ACK_BUDGET} the interaction is deferred (from a timer, not the event
 * thread) and its reply sent as a follow-up.
 */
final class DiscordEvents extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordEvents.class);

  /** Discord wants a first answer within 3 s of the interaction; leave room for the network. */
  static final Duration ACK_BUDGET = Duration.ofMillis(2000);

  static final String MODAL_INPUT_ID = "text";
  static final String DONE = "\u2713";

  /** The bundled texts, for the one apology the adapter gives on its own. */
  private static final Catalog TEXTS = Catalog.requester(java.util.Map.of());

  private final ChatEventHandler handler;
  private final PersonLanes lanes;
  private final ScheduledExecutorService timer;

  DiscordEvents(ChatEventHandler handler, PersonLanes lanes, ScheduledExecutorService timer) {
    this.handler = handler;
    this.lanes = lanes;
    this.timer = timer;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    User author = event.getAuthor();
    Message message = event.getMessage();
    if (!event.isFromType(ChannelType.PRIVATE)
        || author.isBot()
        || author.isSystem()
        || (message.getType() != MessageType.DEFAULT
            && message.getType() != MessageType.INLINE_REPLY)) {
      return;
    }
    ChatEvent typed = new ChatEvent.TypedText(PlatformId.DISCORD, author.getId(), asTyped(message));
    boolean queued;
    try {
      queued = lanes.submit(author.getId(), () -> typed(event, author, handleNow(typed)));
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      queued = false;
    }
    if (!queued) {
      log.warn("event=typed_text_dropped user={} reason=lane_full_or_stopping", author.getId());
    }
  }

  /** The short answer to a typed DM, sent into the same conversation. */
  private static void typed(MessageReceivedEvent event, User author, InteractionReply reply) {
    if (reply instanceof InteractionReply.Ephemeral ephemeral) {
      // a typed DM has no interaction: the short answer goes into the same conversation
      event
          .getChannel()
          .sendMessage(plain(ephemeral.text()))
          .queue(
              ok -> {},
              failure ->
                  log.warn(
                      "event=reply_failed kind=typed_text user={} next=none",
                      author.getId(),
                      failure));
    } else if (reply instanceof InteractionReply.OpenModal) {
      log.warn("event=modal_without_interaction user={} next=ignored", author.getId());
    }
  }

  private static final java.util.regex.Pattern MARKUP =
      java.util.regex.Pattern.compile("<(@!?|@&|#)(\\d{1,20})>|<a?(:\\w{1,32}:)\\d{1,20}>");

  /**
   * What the person saw as they typed it: Discord sends a mention picked from the list as {@code
   * <@123…>}, a role as {@code <@&…>}, a channel as {@code <#…>} and a server emoji as {@code
   * <:name:123…>}; kept raw, the digest, the export and the helpdesk's note showed the number. A
   * mentioned user becomes {@code @name} (the name Discord sent with the message), anything it did
   * not name {@code @user}, {@code @role} or {@code #channel}, an emoji {@code :name:}. Markdown
   * stays as typed (every renderer escapes it).
   */
  static String asTyped(Message message) {
    String raw = message.getContentRaw();
    if (raw.indexOf('<') < 0) {
      return raw;
    }
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (User u : message.getMentions().getUsers()) {
      names.put(u.getId(), u.getEffectiveName());
    }
    java.util.regex.Matcher m = MARKUP.matcher(raw);
    StringBuilder out = new StringBuilder(raw.length());
    while (m.find()) {
      String kind = m.group(1);
      String said;
      if (kind == null) {
        said = m.group(3);
      } else if (kind.equals("@&")) {
        said = "@role";
      } else if (kind.equals("#")) {
        said = "#channel";
      } else {
        said = "@" + names.getOrDefault(m.group(2), "user");
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(said));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** "Sorry, something went wrong", in the language of the person's client. */
  private static String failed(net.dv8tion.jda.api.interactions.Interaction interaction) {
    String lang =
        Languages.match(locale(interaction), TEXTS.languages()).orElse(Languages.FALLBACK);
    return TEXTS.format(lang, "somethingWentWrong", java.util.Map.of(), java.time.ZoneOffset.UTC);
  }

  /** The language of the person's Discord client, as every interaction reports it. */
  static String locale(net.dv8tion.jda.api.interactions.Interaction interaction) {
    net.dv8tion.jda.api.interactions.DiscordLocale l = interaction.getUserLocale();
    return l == null || l == net.dv8tion.jda.api.interactions.DiscordLocale.UNKNOWN
        ? null
        : l.getLocale();
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String customId = event.getComponentId();
    ChatEvent click =
        new ChatEvent.ButtonClick(
            PlatformId.DISCORD,
            event.getUser().getId(),
            event.getUser().getEffectiveName(),
            customId,
            customId.substring(customId.lastIndexOf(':') + 1),
            new MessageRef(event.getChannelId(), event.getMessageId()),
            locale(event));
    answer(event, click, () -> event.deferEdit().queue(ok -> {}, failure("defer_edit", event)));
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    String text;
    try {
      text = typedText(event.getValues());
    } catch (RuntimeException e) {
      unreadable(event, e);
      return;
    }
    ChatEvent submit =
        new ChatEvent.ModalSubmit(
            PlatformId.DISCORD,
            event.getUser().getId(),
            event.getUser().getEffectiveName(),
            event.getModalId(),
            text,
            locale(event));
    answer(
        event,
        submit,
        () -> {
          if (event.getMessage() != null) {
            event.deferEdit().queue(ok -> {}, failure("defer_edit", event));
          } else {
            event.reply(DONE).setEphemeral(true).queue(ok -> {}, failure("reply", event));
          }
        });
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    String args =
        joinNonEmpty(
            event.getSubcommandName(),
            event.getOptions().stream()
                .map(OptionMapping::getAsString)
                .collect(Collectors.joining(" ")));
    ChatEvent command =
        new ChatEvent.Command(
            PlatformId.DISCORD,
            event.getUser().getId(),
            event.getUser().getEffectiveName(),
            args,
            locale(event));
    answer(
        event,
        command,
        () -> event.reply(DONE).setEphemeral(true).queue(ok -> {}, failure("reply", event)));
  }

  /**
   * What was typed into a modal: its first text input. A modal the bot opens has one; a modified
   * client can send other inputs (a select menu), whose reading as text threw on JDA's event thread
   * and left the interaction unanswered ("This interaction failed" on the person's screen).
   */
  static String typedText(List<net.dv8tion.jda.api.interactions.modals.ModalMapping> values) {
    for (var value : values) {
      try {
        return value.getAsString();
      } catch (IllegalStateException notText) {
        // a select menu or another input we never offered: not what was typed
      }
    }
    return "";
  }

  /** An interaction of a shape we cannot read: the person gets the apology, the log one line. */
  private static void unreadable(IReplyCallback interaction, RuntimeException e) {
    log.info(
        "event=interaction_unreadable interaction={} user={} error=\"{}\" next=apologise",
        interaction.getId(),
        interaction.getUser().getId(),
        e.toString());
    interaction
        .reply(plain(failed(interaction)))
        .setEphemeral(true)
        .queue(ok -> {}, failure("reply", interaction));
  }

  /**
   * Runs the handler and gives the interaction its first answer: a modal, an ephemeral reply, or
   * {@code silentAck}. If the handler is late, defers first and follows up.
   */
  private void answer(IReplyCallback interaction, ChatEvent event, Runnable silentAck) {
    CompletableFuture<InteractionReply> pending = new CompletableFuture<>();
    AtomicBoolean answered = new AtomicBoolean();
    boolean queued;
    try {
      queued =
          lanes.submit(
              event.userId(),
              () -> {
                try {
                  pending.complete(handler.handle(event));
                } catch (RuntimeException e) {
                  pending.completeExceptionally(e);
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      queued = false;
    }
    if (!queued) {
      log.warn(
          "event=interaction_dropped type={} user={} reason=lane_full_or_stopping next=apologise",
          event.getClass().getSimpleName(),
          event.userId());
      pending.complete(InteractionReply.ephemeral(failed(interaction)));
    }
    ScheduledFuture<?> late =
        timer.schedule(
            () -> {
              if (answered.compareAndSet(false, true)) {
                log.warn(
                    "event=handler_slow type={} user={} budget={} next=defer_then_follow_up",
                    event.getClass().getSimpleName(),
                    event.userId(),
                    ACK_BUDGET);
                deferThenFollowUp(interaction, pending);
              }
            },
            ACK_BUDGET.toMillis(),
            TimeUnit.MILLISECONDS);
    pending.whenComplete(
        (reply, error) -> {
          if (!answered.compareAndSet(false, true)) {
            return; // deferred already: the follow-up carries it
          }
          late.cancel(false);
          if (error != null) {
            log.error(
                "event=handler_failed type={} user={} next=apologise",
                event.getClass().getSimpleName(),
                event.userId(),
                error);
            reply = InteractionReply.ephemeral(failed(interaction));
          }
          firstAnswer(interaction, reply, silentAck);
        });
  }

  private void firstAnswer(IReplyCallback interaction, InteractionReply reply, Runnable silentAck) {
    if (reply instanceof InteractionReply.OpenModal modal
        && interaction instanceof IModalCallback modalCallback) {
      modalCallback.replyModal(modal(modal)).queue(ok -> {}, failure("reply_modal", interaction));
    } else if (reply instanceof InteractionReply.Ephemeral ephemeral) {
      interaction
          .reply(plain(ephemeral.text()))
          .setEphemeral(true)
          .queue(ok -> {}, failure("reply", interaction));
    } else {
      if (reply instanceof InteractionReply.OpenModal) {
        log.warn(
            "event=modal_from_modal user={} next=acknowledged_only", interaction.getUser().getId());
      }
      silentAck.run();
    }
  }

  private void deferThenFollowUp(
      IReplyCallback interaction, CompletableFuture<InteractionReply> pending) {
    if (interaction instanceof ButtonInteractionEvent button) {
      button.deferEdit().queue(ok -> {}, failure("defer_edit", interaction));
    } else if (interaction instanceof ModalInteractionEvent modal && modal.getMessage() != null) {
      modal.deferEdit().queue(ok -> {}, failure("defer_edit", interaction));
    } else {
      interaction.deferReply(true).queue(ok -> {}, failure("defer_reply", interaction));
    }
    pending.whenComplete(
        (reply, error) -> {
          String text =
              error != null
                  ? failed(interaction)
                  : reply instanceof InteractionReply.Ephemeral e
                      ? e.text()
                      : reply instanceof InteractionReply.OpenModal ? failed(interaction) : null;
          if (text != null) {
            ((IDeferrableCallback) interaction)
                .getHook()
                .sendMessage(plain(text))
                .setEphemeral(true)
                .queue(ok -> {}, failure("follow_up", interaction));
          }
        });
  }

  private InteractionReply handleNow(ChatEvent event) {
    try {
      return handler.handle(event);
    } catch (RuntimeException e) {
      log.error(
          "event=handler_failed type={} user={} next=none",
          event.getClass().getSimpleName(),
          event.userId(),
          e);
      return InteractionReply.none();
    }
  }

  static Modal modal(InteractionReply.OpenModal spec) {
    TextInput.Builder input =
        TextInput.create(MODAL_INPUT_ID, TextInputStyle.PARAGRAPH)
            .setRequired(true)
            .setMaxLength(TextInput.MAX_VALUE_LENGTH);
    if (spec.placeholder() != null && !spec.placeholder().isBlank()) {
      input.setPlaceholder(
          DiscordText.truncate(spec.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
    }
    return Modal.create(spec.id(), DiscordText.truncate(spec.title(), Modal.MAX_TITLE_LENGTH))
        .addComponents(
            Label.of(DiscordText.truncate(spec.label(), Label.LABEL_MAX_LENGTH), input.build()))
        .build();
  }

  /** A short core-written text as an inert Discord message. */
  static net.dv8tion.jda.api.utils.messages.MessageCreateData plain(String text) {
    return new MessageCreateBuilder()
        .setContent(DiscordText.truncate(DiscordText.escape(text), DiscordRenderer.MAX_CONTENT))
        .setAllowedMentions(List.of())
        .build();
  }

  private static String joinNonEmpty(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b == null ? "" : b;
    }
    return b == null || b.isEmpty() ? a : a + " " + b;
  }

  private static java.util.function.Consumer<Throwable> failure(
      String step, IReplyCallback interaction) {
    return failure ->
        log.warn(
            "event=interaction_answer_failed step={} interaction={} user={} next=none",
            step,
            interaction.getId(),
            interaction.getUser().getId(),
            failure);
  }
}
