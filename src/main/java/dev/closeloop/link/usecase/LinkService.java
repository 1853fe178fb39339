package dev.closeloop.link.usecase;

import dev.closeloop.language.Catalog;
import dev.closeloop.language.Languages;
import dev.closeloop.language.Words;
import dev.closeloop.link.LinkRules;
import dev.closeloop.mail.Mailer;
import dev.closeloop.store.Identities;
import dev.closeloop.store.LinkRequests;
import dev.closeloop.store.People;
import dev.closeloop.store.Retry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links an email to a Discord account only with proof. {@code /closeloop link EMAIL} mails a
 * 6-digit code (valid {@link LinkRules#CODE_TTL}, {@link LinkRules#MAX_TRIES} tries) and {@code
 * /closeloop verify CODE} completes it; without a mail relay the request waits for an admin's
 * approval. A link that replaces another Discord account's tells that account, through the outbox.
 * Only a keyed hash of each code is stored. Requests are counted per Discord user and per email, so
 * guessing stays bounded (at most {@link LinkRules#EMAIL_PER_DAY} codes a day for one address, each
 * with 5 tries) and nobody can flood a mailbox through us.
 */
public final class LinkService {
  private static final Logger log = LoggerFactory.getLogger(LinkService.class);

  private final Jdbi jdbi;
  private final Mailer mailer;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ExecutorService mail;
  private final Object requestLock = new Object();

  /**
   * @param mailer null when no relay is configured: requests then wait for an admin
   */
  public LinkService(Jdbi jdbi, Mailer mailer, Clock clock) {
    this(jdbi, mailer, clock, Catalog.requester(java.util.Map.of()), Languages.FALLBACK);
  }

  /**
   * @param texts the requester's texts (bundles and {@code survey.words})
   * @param fallbackLang {@code survey.locale}
   */
  public LinkService(Jdbi jdbi, Mailer mailer, Clock clock, Catalog texts, String fallbackLang) {
    this.texts = texts;
    this.fallbackLang = fallbackLang;
    this.jdbi = jdbi;
    this.mailer = mailer;
    this.clock = clock;
    // one sender, a short queue: a slow relay delays codes, never a chat thread
    this.mail =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(50),
            r -> {
              Thread t = new Thread(r, "closeloop-mail");
              t.setDaemon(true);
              return t;
            });
  }

  private final Catalog texts;
  private final String fallbackLang;

  /**
   * The person's texts: the language their Discord client reports with this command, else the one
   * remembered for them, else {@code survey.locale}.
   */
  private Words words(Handle h, String discordId, String locale) {
    String known =
        locale != null ? locale : new People(h).localeOf("discord", discordId).orElse(null);
    return new Words(
        texts,
        Languages.resolve(null, known, fallbackLang, texts.languages()),
        java.time.ZoneOffset.UTC);
  }

  private Words words(String discordId, String locale) {
    return jdbi.withHandle(h -> words(h, discordId, locale));
  }

  public String request(String discordId, String userName, String emailText) {
    return request(discordId, userName, emailText, null);
  }

  /** {@code /closeloop link EMAIL} from a Discord user: the short reply only they see. */
  public String request(String discordId, String userName, String emailText, String locale) {
    Words w = words(discordId, locale);
    String email = emailText == null ? "" : emailText.strip().toLowerCase(Locale.ROOT);
    if (!LinkRules.EMAIL.matcher(email).matches() || email.length() > 320) {
      return w.t("linkUsage");
    }
    Instant now = clock.instant();
    String mailbox = LinkRules.mailbox(email);
    // one request at a time: requests racing past the count of the ones before them would each
    // mail a code (the limits are counted, not locked, in the store)
    Made made;
    synchronized (requestLock) {
      made = requestOnce(discordId, email, mailbox, now, w);
    }
    if (made.code() != null) {
      sendCode(made.id(), email, discordId, userName, made.code(), w);
    }
    return made.reply();
  }

  private record Made(String reply, long id, String code) {}

  private Made requestOnce(String discordId, String email, String mailbox, Instant now, Words w) {
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  People people = new People(h);
                  if (people.linkedDiscordId(email).filter(discordId::equals).isPresent()) {
                    return new Made(w.t("linkAlready", "email", LinkRules.masked(email)), 0, null);
                  }
                  LinkRequests requests = new LinkRequests(h);
                  if (requests.countByUserSince(discordId, now.minus(Duration.ofHours(1)))
                          >= LinkRules.USER_PER_HOUR
                      || requests.countByUserSince(discordId, now.minus(Duration.ofDays(1)))
                          >= LinkRules.USER_PER_DAY
                      || requests.countMailboxSince(mailbox, now.minus(Duration.ofHours(1)))
                          >= LinkRules.EMAIL_PER_HOUR
                      || requests.countMailboxSince(mailbox, now.minus(Duration.ofDays(1)))
                          >= LinkRules.EMAIL_PER_DAY) {
                    log.info(
                        "event=link_request_refused reason=too_many discord_user={}", discordId);
                    return new Made(w.t("linkTooMany"), 0, null);
                  }
                  if (requests.countSince(now.minus(Duration.ofHours(1))) >= LinkRules.ALL_PER_HOUR
                      || requests.countSince(now.minus(Duration.ofDays(1)))
                          >= LinkRules.ALL_PER_DAY) {
                    log.warn(
                        "event=link_request_refused reason=too_many_overall limit={}/h,{}/day"
                            + " discord_user={} next=asked_to_wait (a flood of accounts, or link"
                            + " people with `link import`)",
                        LinkRules.ALL_PER_HOUR,
                        LinkRules.ALL_PER_DAY,
                        discordId);
                    return new Made(w.t("linkTooMany"), 0, null);
                  }
                  requests.closeOpen(discordId, "replaced");
                  if (mailer == null) {
                    long id = requests.insert(email, discordId, LinkRequests.PENDING, now, null);
                    log.info("event=link_pending id={} discord_user={}", id, discordId);
                    return new Made(w.t("linkPending", "email", LinkRules.masked(email)), id, null);
                  }
                  long id =
                      requests.insert(
                          email,
                          discordId,
                          LinkRequests.CODE_SENT,
                          now,
                          now.plus(LinkRules.CODE_TTL));
                  String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
                  requests.setCodeHash(id, codeHash(h, id, discordId, code));
                  return new Made(w.t("linkCodeSent", "email", LinkRules.masked(email)), id, code);
                }));
  }

  private void sendCode(
      long id, String email, String discordId, String userName, String code, Words w) {
    String account =
        (userName == null || userName.isBlank() ? "" : "\"" + userName + "\" ")
            + "(id "
            + discordId
            + ")";
    String text = w.t("linkMailBody", "account", account, "code", code);
    String subject = w.t("linkMailSubject", "code", code);
    try {
      mail.execute(
          () -> {
            try {
              mailer.send(email, subject, text);
              log.info("event=link_code_mailed id={} discord_user={}", id, discordId);
            } catch (Mailer.MailException | RuntimeException e) {
              mailFailed(id, email, discordId, e);
            }
          });
    } catch (RejectedExecutionException e) {
      mailFailed(id, email, discordId, e);
    }
  }

  /** The code cannot be used: the request ends and the person is told, politely, in a DM. */
  private void mailFailed(long id, String email, String discordId, Exception e) {
    log.warn(
        "event=link_code_mail_failed id={} error=\"{}\" will=tell_the_user", id, e.getMessage());
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          new LinkRequests(h).setState(id, "mail_failed");
          Linking.dm(
              h,
              "link" + id + "-mail-failed",
              discordId,
              words(h, discordId, null).t("linkMailFailed", "email", LinkRules.masked(email)),
              now);
        });
  }

  public String verify(String discordId, String codeText) {
    return verify(discordId, codeText, null);
  }

  /** {@code /closeloop verify CODE}: completes this user's latest request. */
  public String verify(String discordId, String codeText, String locale) {
    Words w = words(discordId, locale);
    String code = codeText == null ? "" : codeText.strip();
    if (!LinkRules.CODE.matcher(code).matches()) {
      return w.t("verifyUsage");
    }
    Instant now = clock.instant();
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  LinkRequests requests = new LinkRequests(h);
                  Optional<LinkRequests.Row> open = requests.openCode(discordId);
                  if (open.isEmpty()) {
                    return w.t("verifyNothing");
                  }
                  LinkRequests.Row r = open.get();
                  if (!now.isBefore(r.expiresAt())) {
                    requests.setState(r.id(), "expired");
                    return w.t("verifyExpired", "email", r.email());
                  }
                  if (!Identities.hashMatches(
                      h, codeIdentity(r.id(), discordId, code), r.codeHash())) {
                    int tries = r.tries() + 1;
                    requests.tried(
                        r.id(), tries, tries >= LinkRules.MAX_TRIES ? "failed" : r.state());
                    log.info(
                        "event=link_code_wrong id={} tries={} discord_user={}",
                        r.id(),
                        tries,
                        discordId);
                    return tries >= LinkRules.MAX_TRIES
                        ? w.t("verifyLastTry", "email", r.email())
                        : w.t("verifyWrong", "left", LinkRules.MAX_TRIES - tries);
                  }
                  requests.setState(r.id(), "linked");
                  Linking.link(h, r.email(), discordId, now);
                  return w.t("linked", "email", r.email());
                }));
  }

  /** Self-service requests waiting for an admin (no mail relay), oldest first. */
  public List<LinkRequests.Row> pending(int limit) {
    return jdbi.withHandle(h -> new LinkRequests(h).inState(LinkRequests.PENDING, limit));
  }

  /** Whether request {@code id} exists and waits for an admin. */
  public boolean isPending(long id) {
    return jdbi.withHandle(h -> pending(new LinkRequests(h), id).isPresent());
  }

  private static Optional<LinkRequests.Row> pending(LinkRequests requests, long id) {
    return requests.find(id).filter(r -> LinkRequests.PENDING.equals(r.state()));
  }

  /** An admin approves a pending request: linked, and the person is told. Empty: none such. */
  public Optional<LinkRequests.Row> approve(long id) {
    Instant now = clock.instant();
    return Retry.onConflict(
        () ->
            jdbi.inTransaction(
                h -> {
                  LinkRequests requests = new LinkRequests(h);
                  Optional<LinkRequests.Row> row = pending(requests, id);
                  if (row.isEmpty()) {
                    return Optional.<LinkRequests.Row>empty();
                  }
                  LinkRequests.Row r = row.get();
                  requests.setState(id, "linked");
                  Linking.link(h, r.email(), r.discordId(), now);
                  Linking.dm(
                      h,
                      "link" + id + "-approved",
                      r.discordId(),
                      words(h, r.discordId(), null).t("linkApproved", "email", r.email()),
                      now);
                  log.info("event=link_approved id={} discord_user={}", id, r.discordId());
                  return row;
                }));
  }

  /** A keyed hash of the code, bound to its request and Discord user. */
  private static String codeHash(Handle h, long id, String discordId, String code) {
    return Identities.hash(h, codeIdentity(id, discordId, code));
  }

  private static String codeIdentity(long id, String discordId, String code) {
    return "link-code:" + id + ":" + discordId + ":" + code;
  }

  public void stop() {
    mail.shutdownNow();
  }
}
