package dev.closeloop.service;

import dev.closeloop.chat.ChatEvent;
import dev.closeloop.chat.ChatEventHandler;
import dev.closeloop.chat.InteractionReply;
import dev.closeloop.chat.PlatformId;
import dev.closeloop.digest.CommentClassifier;
import dev.closeloop.store.Answers;
import dev.closeloop.store.IncidentRow;
import dev.closeloop.store.Incidents;
import dev.closeloop.store.People;
import dev.closeloop.store.PersonRow;
import dev.closeloop.store.SurveyRow;
import dev.closeloop.store.Surveys;
import dev.closeloop.survey.AnswerParser;
import dev.closeloop.survey.Conversation;
import dev.closeloop.survey.ParsedAnswer;
import dev.closeloop.survey.Say;
import dev.closeloop.survey.SurveyFlow;
import dev.closeloop.survey.SurveyInput;
import dev.closeloop.survey.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what people do in chat into survey answers and incident actions. Each event is one
 * transaction: answers recorded (first one kept), the survey message refreshed and replies queued
 * in the outbox, incidents opened for negative replies and requests.
 */
public final class ConversationService implements ChatEventHandler {
  private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

  private final Jdbi jdbi;
  private final SurveyFlow flow;
  private final Notifier notifier;
  private final CommentClassifier classifier;
  private final IncidentService incidents;
  private final StatsService stats;
  private final LinkService links;
  private final TeamCheck team;
  private final dev.closeloop.ticket.usecase.HelpdeskWriteBack writeBack;
  private final Clock clock;

  public ConversationService(
      Jdbi jdbi,
      SurveyFlow flow,
      Notifier notifier,
      CommentClassifier classifier,
      IncidentService incidents,
      StatsService stats,
      LinkService links,
      TeamCheck team,
      dev.closeloop.ticket.usecase.HelpdeskWriteBack writeBack,
      Clock clock) {
    this.jdbi = jdbi;
    this.flow = flow;
    this.notifier = notifier;
    this.classifier = classifier;
    this.incidents = incidents;
    this.stats = stats;
    this.links = links;
    this.team = team;
    this.writeBack = writeBack;
    this.clock = clock;
  }

  @Override
  public InteractionReply handle(ChatEvent event) {
    try {
      rememberLocale(event);
      if (event instanceof ChatEvent.ButtonClick click) {
        return click(click);
      } else if (event instanceof ChatEvent.TypedText typed) {
        return typed(typed);
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
      return InteractionReply.ephemeral(words(event).t("somethingWentWrong"));
    }
  }

  /** Requester texts for whoever sent this event, outside any survey. */
  private dev.closeloop.survey.SurveyMessages words(ChatEvent event) {
    return jdbi.withHandle(
        h -> notifier.messages(h, event.platform(), event.userId(), event.locale()));
  }

  /**
   * Keeps the language the person's client reports (Discord interactions) for their next survey and
   * for replies outside one. A click on a survey also updates that survey's requester.
   */
  private void rememberLocale(ChatEvent event) {
    String locale = event.locale();
    if (locale == null || !dev.closeloop.language.Languages.wellFormed(locale)) {
      return;
    }
    String personKey = null;
    if (event instanceof ChatEvent.ButtonClick click) {
      personKey =
          Action.parse(click.actionId())
              .filter(a -> "s".equals(a.kind()))
              .flatMap(a -> jdbi.withHandle(h -> new Surveys(h).find(a.id())))
              .filter(s -> owns(s, event.platform(), event.userId()))
              .map(SurveyRow::personKey)
              .orElse(null);
    }
    String key = personKey;
    jdbi.useHandle(
        h -> new People(h).rememberLocale(event.platform().wire(), event.userId(), key, locale));
  }

  /** An action id split: cl:s:12:rate:4 → kind s, id 12, rest "rate:4". */
  record Action(String kind, long id, String what) {
    static Optional<Action> parse(String actionId) {
      if (actionId == null || actionId.length() > 100) {
        return Optional.empty();
      }
      String[] parts = actionId.split(":", 4);
      if (parts.length < 4 || !"cl".equals(parts[0])) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Action(parts[1], Long.parseLong(parts[2]), parts[3]));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  private InteractionReply click(ChatEvent.ButtonClick click) {
    Optional<Action> action = Action.parse(click.actionId());
    if (action.isEmpty()) {
      return InteractionReply.ephemeral(words(click).t("unknownButton"));
    }
    Action a = action.get();
    if ("i".equals(a.kind())) {
      return incidents.click(click, a.id(), a.what());
    }
    if (!"s".equals(a.kind())) {
      return InteractionReply.ephemeral(words(click).t("unknownButton"));
    }
    SurveyInput input;
    switch (a.what()) {
      case "fixed:yes" -> input = new SurveyInput.FixedClicked(true);
      case "fixed:no" -> input = new SurveyInput.FixedClicked(false);
      case "else:yes" -> input = new SurveyInput.AnythingElseClicked(true);
      case "else:no" -> input = new SurveyInput.AnythingElseClicked(false);
      case "reopen:yes" -> input = new SurveyInput.ReopenClicked(true);
      case "reopen:no" -> input = new SurveyInput.ReopenClicked(false);
      case "stop" -> input = new SurveyInput.StopClicked();
      case "more" -> {
        return moreClicked(click, a.id());
      }
      default -> {
        if (a.what().startsWith("rate:")) {
          int score = a.what().length() == 6 ? a.what().charAt(5) - '0' : -1;
          if (score < 1 || score > 5) {
            return InteractionReply.ephemeral(words(click).t("unknownButton"));
          }
          input = new SurveyInput.RatingClicked(score);
        } else {
          return InteractionReply.ephemeral(words(click).t("unknownButton"));
        }
      }
    }
    return apply(click.platform(), click.userId(), a.id(), input, true);
  }

  private InteractionReply moreClicked(ChatEvent.ButtonClick click, long surveyId) {
    SurveyRow s = jdbi.withHandle(h -> new Surveys(h).find(surveyId)).orElse(null);
    if (s == null || !owns(s, click.platform(), click.userId())) {
      return InteractionReply.ephemeral(words(click).t("notYourSurvey"));
    }
    var messages = jdbi.withHandle(h -> notifier.messages(h, s));
    if (!s.open()) {
      return InteractionReply.ephemeral(messages.text(Say.SURVEY_CLOSED));
    }
    return messages.commentModal(surveyId);
  }

  private InteractionReply modal(ChatEvent.ModalSubmit submit) {
    Optional<Action> action = Action.parse(submit.actionId());
    if (action.isEmpty()) {
      return InteractionReply.none();
    }
    Action a = action.get();
    if ("i".equals(a.kind())) {
      return incidents.modal(submit, a.id(), a.what());
    }
    String text = AnswerParser.clean(submit.text() == null ? "" : submit.text());
    if (text.isEmpty()) {
      return InteractionReply.none();
    }
    SurveyInput input =
        "request".equals(a.what())
            ? new SurveyInput.RequestSubmitted(text)
            : new SurveyInput.CommentSubmitted(text);
    return apply(submit.platform(), submit.userId(), a.id(), input, true);
  }

  private InteractionReply typed(ChatEvent.TypedText typed) {
    ParsedAnswer parsed = AnswerParser.parse(typed.text());
    Optional<SurveyRow> open =
        jdbi.withHandle(h -> new Surveys(h).latestOpenFor(typed.platform().wire(), typed.userId()));
    if (open.isPresent()) {
      long id = open.get().id();
      return apply(typed.platform(), typed.userId(), id, typedInput(parsed, open.get()), false);
    }
    Instant now = clock.instant();
    String tag = typed.platform().wire() + "-" + typed.userId() + "-" + now.toEpochMilli();
    if (parsed instanceof ParsedAnswer.Stop) {
      setOptOut(typed.platform(), typed.userId(), true);
    } else if (parsed instanceof ParsedAnswer.OptIn) {
      setOptOut(typed.platform(), typed.userId(), false);
    }
    String key =
        parsed instanceof ParsedAnswer.Stop
            ? "optedOut"
            : parsed instanceof ParsedAnswer.OptIn ? "optedIn" : "noOpenSurvey";
    jdbi.useTransaction(
        h ->
            notifier.direct(
                h,
                typed.platform(),
                typed.userId(),
                notifier.messages(h, typed.platform(), typed.userId(), null).t(key),
                tag,
                now));
    return InteractionReply.none();
  }

  /**
   * Typed text answers the question the person has seen: while "anything else?" is still queued, it
   * answers the one before.
   */
  private SurveyInput typedInput(ParsedAnswer parsed, SurveyRow s) {
    boolean seen =
        !dev.closeloop.survey.Step.AWAIT_ANYTHING_ELSE.name().equals(s.step())
            || !jdbi.withHandle(h -> Notifier.questionPending(h, s.id()));
    return new SurveyInput.Typed(parsed, seen);
  }

  private InteractionReply apply(
      PlatformId platform, String userId, long surveyId, SurveyInput input, boolean interactive) {
    Instant now = clock.instant();
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  Surveys surveys = new Surveys(h);
                  SurveyRow s = surveys.lock(surveyId).orElse(null);
                  if (s == null || !owns(s, platform, userId)) {
                    return InteractionReply.ephemeral(
                        notifier.messages(h, platform, userId, null).t("notYourSurvey"));
                  }
                  if (!s.open()
                      && !(input instanceof SurveyInput.StopClicked)
                      && !(input instanceof SurveyInput.Typed t
                          && t.answer() instanceof ParsedAnswer.Stop)) {
                    return reply(h, s, Say.SURVEY_CLOSED, interactive, now);
                  }
                  Conversation before = Notifier.conversation(s, new Answers(h).forSurvey(s.id()));
                  Transition t = flow.apply(before, input, writeBack.reopenMode(s.source()));
                  Answers answers = new Answers(h);
                  for (Transition.Answer a : t.recorded()) {
                    answers.record(s.id(), a.kind().wire(), a.value(), now);
                  }
                  if (t.optOut()) {
                    new People(h).setOptedOut(s.personKey(), true, now);
                    log.info("event=opted_out survey={}", s.id());
                  }
                  if (t.changed()) {
                    Instant answeredAt = t.next().hasAnswer() ? now : null;
                    Instant finishedAt = t.next().finished() ? now : null;
                    surveys.saveConversation(
                        s.id(), t.next().step().name(), answeredAt, finishedAt);
                    openIncidentIfNeeded(h, s.id(), s.locale(), t.next(), now);
                    writeBack.conversationChanged(h, s, before, t, now);
                    notifier.refreshSurvey(h, s.id(), now);
                  }
                  SurveyRow after = surveys.find(s.id()).orElseThrow();
                  boolean onlyRejection = !t.changed() && !t.optOut();
                  if (onlyRejection && interactive && t.say().size() == 1) {
                    return InteractionReply.ephemeral(
                        notifier.messages(h, after).text(t.say().get(0), Notifier.view(h, after)));
                  }
                  int i = 0;
                  for (Say say : t.say()) {
                    notifier.say(h, after, say, "v" + after.version() + "-" + i++, now);
                  }
                  if (interactive && t.changed() && t.say().contains(Say.REQUEST_PROMPT)) {
                    return notifier.messages(h, after).requestModal(s.id());
                  }
                  return InteractionReply.none();
                }));
  }

  private InteractionReply reply(Handle h, SurveyRow s, Say say, boolean interactive, Instant now) {
    if (interactive) {
      return InteractionReply.ephemeral(notifier.messages(h, s).text(say, Notifier.view(h, s)));
    }
    notifier.say(h, s, say, "x" + now.toEpochMilli(), now);
    return InteractionReply.none();
  }

  /**
   * @param locale the requester's locale when the ticket or the platform named it (not a guess):
   *     the comment is judged in that language
   */
  private void openIncidentIfNeeded(
      Handle h, long surveyId, String locale, Conversation c, Instant now) {
    boolean negative =
        flow.negativeByAnswers(c)
            || c.comment() != null
                && (locale == null
                    ? classifier.isNegative(c.comment())
                    : classifier.isNegative(c.comment(), locale));
    Incidents inc = new Incidents(h);
    if (negative) {
      if (inc.open(surveyId, IncidentRow.NEGATIVE, now)) {
        incidents.opened(h, surveyId, c, now);
      }
    } else if (c.request() != null) {
      inc.open(surveyId, IncidentRow.REQUEST, now);
    }
  }

  private static boolean owns(SurveyRow s, PlatformId platform, String userId) {
    return platform.wire().equals(s.platform())
        && userId != null
        && userId.equals(s.platformUser());
  }

  private InteractionReply command(ChatEvent.Command command) {
    String args = command.args() == null ? "" : command.args().strip();
    String verb =
        args.isEmpty() ? "help" : args.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    var words = words(command);
    switch (verb) {
      case "optout", "stop" -> {
        setOptOut(command.platform(), command.userId(), true);
        return InteractionReply.ephemeral(words.t("optedOut"));
      }
      case "optin" -> {
        setOptOut(command.platform(), command.userId(), false);
        return InteractionReply.ephemeral(words.t("optedIn"));
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

  /** Opt-out (or back in) for every person record this platform user is. Only they can. */
  void setOptOut(PlatformId platform, String userId, boolean optedOut) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          People people = new People(h);
          List<PersonRow> rows = people.byPlatformId(platform.wire(), userId);
          // also people known through open surveys on this platform id (e.g. found by email lookup)
          List<String> keys =
              new java.util.ArrayList<>(
                  h.createQuery(
                          """
              SELECT DISTINCT person_key FROM surveys WHERE platform = :p AND platform_user = :u
              """)
                      .bind("p", platform.wire())
                      .bind("u", userId)
                      .mapTo(String.class)
                      .list());
          if (platform == PlatformId.DISCORD) {
            people.linkedEmail(userId).ifPresent(e -> keys.add(e));
          }
          java.util.Set<String> all = new java.util.LinkedHashSet<>(keys);
          rows.forEach(r -> all.add(r.personKey()));
          if (all.isEmpty()) {
            String key = platform.wire() + ":" + userId;
            people.upsert(
                key,
                null,
                null,
                platform == PlatformId.SLACK ? userId : null,
                platform == PlatformId.DISCORD ? userId : null,
                null);
            all.add(key);
          }
          for (String key : all) {
            if (people.find(key).isEmpty()) {
              people.upsert(key, key.contains("@") ? key : null, null, null, null, null);
            }
            people.setOptedOut(key, optedOut, now);
          }
        });
    log.info("event={} platform={}", optedOut ? "opted_out" : "opted_in", platform.wire());
  }
}
