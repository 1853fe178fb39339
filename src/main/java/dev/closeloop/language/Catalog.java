package dev.closeloop.language;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of one audience (the requester, or the IT team) in every language: the bundled
 * properties files ({@code i18n/<family>_<lang>.properties}, ICU MessageFormat patterns with named
 * arguments) plus the operator's overrides and added languages. A text missing in a language falls
 * back to English. Immutable and thread-safe.
 */
public final class Catalog {
  /** Texts that land in a length-limited platform field: key → most characters once filled in. */
  private final Map<String, Integer> limits;

  private final String family;
  private final Map<String, Map<String, String>> bundled;
  private final Map<String, Map<String, String>> overrides;
  private final Map<String, Set<String>> arguments;
  private final Set<String> common;

  /** One thing wrong with an override, with the config path it sits at. */
  public record Problem(String path, String message) {}

  private Catalog(
      String family,
      Map<String, Integer> limits,
      Set<String> common,
      Map<String, Map<String, String>> overrides) {
    this.family = family;
    this.common = Set.copyOf(common);
    this.limits = Map.copyOf(limits);
    Map<String, Map<String, String>> b = new LinkedHashMap<>();
    for (String lang : Languages.BUNDLED) {
      b.put(lang, load(family, lang));
    }
    for (String variant : Languages.VARIANTS) {
      Map<String, String> texts = load(family, variant.replace('-', '_'));
      if (!texts.isEmpty()) {
        b.put(variant, texts);
      }
    }
    this.bundled = Map.copyOf(b);
    Map<String, Map<String, String>> o = new LinkedHashMap<>();
    overrides.forEach(
        (lang, texts) -> o.put(normalise(lang), texts == null ? Map.of() : Map.copyOf(texts)));
    this.overrides = Map.copyOf(o);
    Map<String, Set<String>> args = new HashMap<>();
    bundled
        .get(Languages.FALLBACK)
        .forEach((key, pattern) -> args.put(key, argumentNames(pattern)));
    this.arguments = Map.copyOf(args);
  }

  /** What the requester reads (survey DMs, buttons, dialogs, replies). */
  public static Catalog requester(Map<String, Map<String, String>> overrides) {
    return new Catalog("requester", REQUESTER_LIMITS, SURVEY_FACTS, overrides);
  }

  /** What the IT team reads (digest, weekly summary, alerts, incident replies). */
  public static Catalog team() {
    return Team.CATALOG;
  }

  /** Loaded once, on first use: the team's texts have no overrides. */
  private static final class Team {
    static final Catalog CATALOG = new Catalog("team", TEAM_LIMITS, Set.of(), Map.of());
  }

  /**
   * Facts every requester text may use in an override (they are passed wherever a survey is known),
   * as the single-language {@code survey.wording} of earlier releases allowed.
   */
  public static final Set<String> SURVEY_FACTS = Set.of("name", "ticket", "title");

  /**
   * Placeholders a bundled text no longer shows but an operator's own text may still use (they are
   * still passed): "what went wrong?" and "stays closed" named the review day before the reply to
   * the comment took that over, so it is promised once.
   */
  private static final Map<String, Set<String>> STILL_ACCEPTED =
      Map.of("whatWentWrong", Set.of("when"), "staysClosed", Set.of("when"));

  /** Slack button text ≤ 75 (Discord allows 80), modal title and its buttons ≤ 24. */
  private static final Map<String, Integer> REQUESTER_LIMITS =
      Map.ofEntries(
          Map.entry("fixedYesButton", 75),
          Map.entry("fixedNoButton", 75),
          Map.entry("tellUsMoreButton", 75),
          Map.entry("stopButton", 75),
          Map.entry("elseYesButton", 75),
          Map.entry("elseNoButton", 75),
          Map.entry("reopenYesButton", 75),
          Map.entry("reopenNoButton", 75),
          Map.entry("commentModalTitle", 24),
          Map.entry("requestModalTitle", 24),
          Map.entry("modalSubmit", 24),
          Map.entry("modalCancel", 24),
          Map.entry("commentModalPlaceholder", 150),
          Map.entry("requestModalPlaceholder", 150),
          Map.entry("commandDescription", 100),
          Map.entry("commandStats", 100),
          Map.entry("commandOptout", 100),
          Map.entry("commandOptin", 100),
          Map.entry("commandLink", 100),
          Map.entry("commandLinkEmail", 100),
          Map.entry("commandVerify", 100),
          Map.entry("commandVerifyCode", 100));

  private static final Map<String, Integer> TEAM_LIMITS =
      Map.ofEntries(
          Map.entry("takeButton", 75),
          Map.entry("doneButton", 75),
          Map.entry("followUpModalTitle", 24),
          Map.entry("modalSubmit", 24),
          Map.entry("modalCancel", 24),
          Map.entry("followUpModalPlaceholder", 150));

  public String family() {
    return family;
  }

  /** Every key, as the English bundle defines them. */
  public Set<String> keys() {
    return new TreeSet<>(bundled.get(Languages.FALLBACK).keySet());
  }

  /** The named arguments a key's text may use (those of its English text). */
  public Set<String> arguments(String key) {
    return arguments.getOrDefault(key, Set.of());
  }

  /** What an override of {@code key} may use: its own arguments and the common facts. */
  public Set<String> allowed(String key) {
    Set<String> all = new TreeSet<>(arguments(key));
    all.addAll(common);
    all.addAll(STILL_ACCEPTED.getOrDefault(key, Set.of()));
    return all;
  }

  /** The most characters a key's filled-in text may have, or empty when unlimited. */
  public java.util.OptionalInt limit(String key) {
    Integer max = limits.get(key);
    return max == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(max);
  }

  /** The bundled languages plus those the operator added words for. */
  public Set<String> languages() {
    Set<String> all = new LinkedHashSet<>(Languages.BUNDLED);
    all.addAll(overrides.keySet());
    return all;
  }

  /** The bundled text of a key in a language, without overrides or fallback (null when none). */
  public String bundledText(String lang, String key) {
    Map<String, String> texts = bundled.get(lang);
    return texts == null ? null : texts.get(key);
  }

  /** The pattern used for a key in a language: override, bundle, then English. */
  public String pattern(String lang, String key) {
    String own = own(lang, key);
    if (own != null) {
      return own;
    }
    String english = own(Languages.FALLBACK, key);
    if (english == null) {
      throw new IllegalArgumentException("no text for key " + key + " in " + family);
    }
    return english;
  }

  private String own(String lang, String key) {
    String operators = textIn(overrides, lang, key);
    if (operators != null) {
      return operators;
    }
    String parent = Languages.parent(lang);
    if (parent != null) {
      // a regional wording (pt-PT): the operator's words for its language first, then the
      // region's bundled text, then the language's
      String forLanguage = textIn(overrides, parent, key);
      if (forLanguage != null) {
        return forLanguage;
      }
      String regional = textIn(bundled, lang, key);
      return regional != null ? regional : own(parent, key);
    }
    return textIn(bundled, lang, key);
  }

  /** The text of {@code key} in {@code lang} in one set of texts, or null. */
  private static String textIn(Map<String, Map<String, String>> texts, String lang, String key) {
    Map<String, String> inLang = texts.get(lang);
    return inLang == null ? null : inLang.get(key);
  }

  /** Keys with no text of their own in {@code lang} (they fall back to English), sorted. */
  public List<String> missing(String lang) {
    List<String> out = new ArrayList<>();
    for (String key : keys()) {
      if (own(lang, key) == null) {
        out.add(key);
      }
    }
    return out;
  }

  /**
   * Formats a key's text in {@code lang}: named arguments ({@link Instant}s become dates shown in
   * {@code zone}), ICU plural, select, number and date syntax.
   */
  public String format(String lang, String key, Map<String, ?> args, ZoneId zone) {
    String pattern = pattern(lang, key);
    try {
      return formatPattern(pattern, lang, args, zone);
    } catch (IllegalArgumentException e) {
      // an override validated at start cannot fail; a bundle text is tested: this is a last resort
      return formatPattern(pattern(Languages.FALLBACK, key), Languages.FALLBACK, args, zone);
    }
  }

  static String formatPattern(String pattern, String lang, Map<String, ?> args, ZoneId zone) {
    MessageFormat mf = compiled(pattern, lang);
    Map<String, Object> values = new HashMap<>();
    // a date argument goes in as a calendar in the reader's zone, which ICU formats it in
    args.forEach((k, v) -> values.put(k, v instanceof Instant t ? calendar(t, zone, lang) : v));
    // an ICU MessageFormat is not safe for concurrent use: one thread at a time formats with it
    synchronized (mf) {
      return mf.format(values);
    }
  }

  /**
   * Patterns parsed so far, by language and text: the bundles' and the overrides' texts, each
   * parsed once instead of on every message (a digest formats hundreds); cleared if ever full.
   */
  private static final Map<String, MessageFormat> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_COMPILED = 5_000;

  private static MessageFormat compiled(String pattern, String lang) {
    String key = lang + '\n' + pattern;
    MessageFormat mf = COMPILED.get(key);
    if (mf == null) {
      // parsed before it is shared: a bad pattern throws here, as it did, and is not kept
      mf = new MessageFormat(pattern, ULocale.forLanguageTag(lang));
      if (COMPILED.size() >= MAX_COMPILED) {
        COMPILED.clear();
      }
      COMPILED.put(key, mf);
    }
    return mf;
  }

  private static Calendar calendar(Instant t, ZoneId zone, String lang) {
    Calendar c =
        Calendar.getInstance(TimeZone.getTimeZone(zone.getId()), ULocale.forLanguageTag(lang));
    c.setTime(Date.from(t));
    return c;
  }

  /** The argument names a pattern uses, nested ones (inside plural or select) included. */
  public static Set<String> argumentNames(String pattern) {
    MessagePattern p = new MessagePattern(pattern);
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < p.countParts(); i++) {
      MessagePattern.Part part = p.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
        names.add(p.getSubstring(part));
      }
    }
    return names;
  }

  /**
   * What is wrong with the operator's words, for {@code survey.words}: an unknown key, a text that
   * is not a valid pattern, a placeholder the key does not have, a label over its platform limit.
   */
  public List<Problem> problems(String path) {
    List<Problem> out = new ArrayList<>();
    overrides.forEach(
        (lang, texts) -> {
          if (!Languages.wellFormed(lang)) {
            out.add(new Problem(path + "." + lang, "not a language tag such as de or pt-BR"));
            return;
          }
          texts.forEach(
              (key, text) -> {
                String at = path + "." + lang + "." + key;
                if (!arguments.containsKey(key)) {
                  out.add(new Problem(at, "unknown key"));
                  return;
                }
                if (text == null || text.isBlank()) {
                  out.add(new Problem(at, "must not be empty"));
                  return;
                }
                Set<String> used;
                try {
                  used = argumentNames(text);
                  new MessageFormat(text, ULocale.forLanguageTag(lang));
                } catch (IllegalArgumentException e) {
                  out.add(new Problem(at, "not a valid message: " + e.getMessage()));
                  return;
                }
                Set<String> unknown = new TreeSet<>(used);
                unknown.removeAll(allowed(key));
                if (!unknown.isEmpty()) {
                  out.add(
                      new Problem(
                          at,
                          "unknown placeholder "
                              + unknown
                              + " (this text may use "
                              + allowed(key)
                              + ")"));
                  return;
                }
                Integer max = limits.get(key);
                if (max != null && text.length() > max) {
                  out.add(new Problem(at, "longer than " + max + " characters"));
                }
              });
        });
    return out;
  }

  private static String normalise(String lang) {
    return Languages.wellFormed(lang)
        ? lang.split("[-_]", 2)[0].toLowerCase(java.util.Locale.ROOT)
        : lang;
  }

  private static Map<String, String> load(String family, String lang) {
    String name = "/i18n/" + family + "_" + lang + ".properties";
    try (InputStream in = Catalog.class.getResourceAsStream(name)) {
      if (in == null) {
        return Map.of();
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new HashMap<>();
      p.forEach((k, v) -> out.put((String) k, (String) v));
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}
