package dev.closeloop.app;

import dev.closeloop.chat.ActionId;
import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.LineLimit;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.digest.usecase.IncidentActions;
import dev.closeloop.digest.usecase.StatsService;
import dev.closeloop.link.usecase.LinkService;
import dev.closeloop.survey.usecase.Conversations;
import dev.closeloop.survey.usecase.PersonPreferences;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes what people do in chat to the feature it concerns, as {@link HttpApi} routes requests: a
 * survey's buttons, modals and typed replies to {@link Conversations}, an incident's buttons to
 * {@link IncidentActions}, and the {@code /closeloop} verbs (optout, optin, stats, link, verify).
 * An event that fails is logged once and answered with "something went wrong". Typed lines past a
 * person's {@link LineLimit} are dropped before any store work: the first of a run gets one short
 * notice (at most one a {@link Conversations#REPEAT_WINDOW}), each is counted in {@code
 * closeloop.chat.lines.dropped}.
 */
final class ChatRouter implements ChatEventHandler {
  private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);

  private final Conversations conversations;
  private final PersonPreferences preferences;
  private final IncidentActions incidents;
  private final StatsService stats;
  private final LinkService links;
  private final TeamCheck team;
  private final LineLimit lines;
  private final MeterRegistry metrics;

  ChatRouter(
      Conversations conversations,
      PersonPreferences preferences,
      IncidentActions incidents,
      StatsService stats,
      LinkService links,
      TeamCheck team,
      LineLimit lines,
      MeterRegistry metrics) {
    this.conversations = conversations;
    this.preferences = preferences;
    this.incidents = incidents;
    this.stats = stats;
    this.links = links;
    this.team = team;
    this.lines = lines;
    this.metrics = metrics;
  }

  @Override
  public InteractionReply handle(ChatEvent event) {
    try {
      if (event instanceof ChatEvent.TypedText typed && !admitted(typed)) {
        return InteractionReply.none();
      }
      preferences.rememberLocale(event);
      if (event instanceof ChatEvent.ButtonClick click) {
        return click(click);
      } else if (event instanceof ChatEvent.TypedText typed) {
        return conversations.typed(typed);
      } else if (event instanceof ChatEvent.ModalSubmit modal) {
        return modal(modal);
      } else if (event instanceof ChatEvent.Command command) {
        return command(command);
      }
      return InteractionReply.none();
    } catch (RuntimeException e) {
      log.error(
          "event=chat_event_failed platform={} type={} error={}",
          event.platform().wire(),
          event.getClass().getSimpleName(),
          e.toString(),
          e);
      return InteractionReply.ephemeral(conversations.words(event).t("somethingWentWrong"));
    }
  }

  /** Whether the line is read; a line past the person's limit is counted, and told once. */
  private boolean admitted(ChatEvent.TypedText typed) {
    if (typed.platform() == PlatformId.SANDBOX) {
      // answers only on loopback or with the admin token, and demo tickets skip the cooldown: one
      // person answering survey after survey there is the operator (or their test suite)
      return true;
    }
    LineLimit.Verdict verdict = lines.admit(typed.platform().wire() + ":" + typed.userId());
    if (verdict == LineLimit.Verdict.TAKE) {
      return true;
    }
    Counter dropped =
        metrics.counter("closeloop.chat.lines.dropped", "platform", typed.platform().wire());
    dropped.increment();
    if (verdict == LineLimit.Verdict.DROP_AND_TELL) {
      log.info(
          "event=typed_lines_dropped platform={} user={} limit={}/min burst={} dropped_total={}"
              + " next=told_once_rest_dropped_unread",
          typed.platform().wire(),
          typed.userId(),
          LineLimit.PER_MINUTE,
          LineLimit.BURST,
          (long) dropped.count());
      conversations.tooFast(typed);
    }
    return false;
  }

  private InteractionReply click(ChatEvent.ButtonClick click) {
    Optional<ActionId> action = ActionId.parse(click.actionId());
    if (action.isEmpty()) {
      return InteractionReply.ephemeral(conversations.words(click).t("unknownButton"));
    }
    ActionId a = action.get();
    if ("i".equals(a.kind())) {
      String where = click.message() == null ? null : click.message().channelId();
      if (!team.actsOnIncidents(click.platform(), click.userId(), where)) {
        return notOnTheTeam(click, where);
      }
      return incidents.click(click, a.id(), a.what());
    }
    if (!"s".equals(a.kind())) {
      return InteractionReply.ephemeral(conversations.words(click).t("unknownButton"));
    }
    return conversations.click(click, a.id(), a.what());
  }

  private InteractionReply modal(ChatEvent.ModalSubmit submit) {
    Optional<ActionId> action = ActionId.parse(submit.actionId());
    if (action.isEmpty()) {
      return InteractionReply.none();
    }
    ActionId a = action.get();
    if ("i".equals(a.kind())) {
      if (!team.actsOnIncidents(submit.platform(), submit.userId(), null)) {
        return notOnTheTeam(submit, null);
      }
      return incidents.modal(submit, a.id(), a.what());
    }
    return conversations.modal(submit, a.id(), a.what());
  }

  /**
   * An incident's button or note from someone who is not on the IT team: a digest in a channel
   * anyone in the workspace can open, a message shared elsewhere, a payload from a modified client.
   * Nothing changes, nothing of the incident is shown.
   */
  private InteractionReply notOnTheTeam(ChatEvent event, String where) {
    log.info(
        "event=incident_action_refused platform={} user={} channel={} why=not_on_the_team",
        event.platform().wire(),
        event.userId(),
        where);
    return InteractionReply.ephemeral(conversations.words(event).t("incidentTeamOnly"));
  }

  private InteractionReply command(ChatEvent.Command command) {
    String args = command.args() == null ? "" : command.args().strip();
    String verb =
        args.isEmpty() ? "help" : args.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    var words = conversations.words(command);
    switch (verb) {
      case "optout", "stop", "optin" -> {
        boolean out = !verb.equals("optin");
        if (preferences.setOptOut(command.platform(), command.userId(), out)) {
          conversations.preferenceChanged(command.platform(), command.userId());
        }
        return InteractionReply.ephemeral(words.t(out ? "optedOut" : "optedIn"));
      }
      case "stats" -> {
        if (!team.inTeam(command.platform(), command.userId())) {
          log.info(
              "event=stats_refused platform={} user={} why=not_on_the_team",
              command.platform().wire(),
              command.userId());
          return InteractionReply.ephemeral(words.t("statsTeamOnly"));
        }
        return InteractionReply.ephemeral(stats.summaryLine(30));
      }
      case "link", "verify" -> {
        if (command.platform() != PlatformId.DISCORD) {
          return InteractionReply.ephemeral(words.t("linkDiscordOnly"));
        }
        String rest = args.split("\\s+", 2).length > 1 ? args.split("\\s+", 2)[1] : "";
        return InteractionReply.ephemeral(
            verb.equals("link")
                ? links.request(command.userId(), command.userName(), rest, command.locale())
                : links.verify(command.userId(), rest, command.locale()));
      }
      default -> {
        return InteractionReply.ephemeral(words.t("commandHelp"));
      }
    }
  }
}
