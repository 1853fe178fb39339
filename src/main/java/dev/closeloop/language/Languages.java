package dev.closeloop.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The languages Closeloop ships, and how a locale from a payload or a platform maps onto them. */
public final class Languages {
  /** Bundled languages, English first: it is what every missing text falls back to. */
  public static final List<String> BUNDLED = List.of("en", "de", "fr", "es", "pt", "ja");

  public static final String FALLBACK = "en";

  /**
   * Regional wordings bundled for the requester beside their language's (which the rest of a
   * variant's texts and every other use fall back to): European Portuguese, where the bundled
   * Portuguese is Brazilian. Keyed as BCP 47 tags; a file is {@code requester_pt_PT.properties}.
   */
  public static final List<String> VARIANTS = List.of("pt-PT");

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

  private Languages() {}

  /** True for a well-formed BCP 47-ish tag such as {@code de}, {@code pt-BR} or {@code ja_JP}. */
  public static boolean wellFormed(String tag) {
    return tag != null && tag.length() <= 35 && TAG.matcher(tag).matches();
  }

  /**
   * The language of {@code tag} ({@code de-AT} → {@code de}) when it is one of {@code known}; empty
   * for null, blank, malformed or unknown tags.
   */
  public static Optional<String> match(String tag, Set<String> known) {
    if (!wellFormed(tag)) {
      return Optional.empty();
    }
    String lang = tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return known.contains(lang) ? Optional.of(lang) : Optional.empty();
  }

  /** The language part of a well-formed tag ({@code pt-BR} → {@code pt}), else empty. */
  public static Optional<String> language(String tag) {
    return wellFormed(tag)
        ? Optional.of(tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  /**
   * The requester's language: the ticket's {@code requester.locale}, else the chat platform's
   * (looked up or remembered), else {@code survey.locale}. Each candidate counts only when it is a
   * language Closeloop can speak.
   */
  public static String resolve(
      String fromTicket, String fromPlatform, String fallback, Set<String> known) {
    return match(fromTicket, known)
        .map(lang -> variant(fromTicket, lang))
        .or(() -> match(fromPlatform, known).map(lang -> variant(fromPlatform, lang)))
        .or(() -> match(fallback, known).map(lang -> variant(fallback, lang)))
        .orElse(FALLBACK);
  }

  /**
   * {@code lang} with the region of {@code tag} when a wording is bundled for it ({@code pt_PT},
   * {@code pt-pt} → {@code pt-PT}), else {@code lang}: {@code pt-BR}, {@code pt} → {@code pt}.
   */
  public static String variant(String tag, String lang) {
    String[] parts = tag.split("[-_]");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].length() == 2) {
        String candidate = lang + "-" + parts[i].toUpperCase(Locale.ROOT);
        return VARIANTS.contains(candidate) ? candidate : lang;
      }
    }
    return lang;
  }

  /** The language a regional variant falls back to ({@code pt-PT} → {@code pt}), else null. */
  public static String parent(String lang) {
    return VARIANTS.contains(lang) ? lang.substring(0, lang.indexOf('-')) : null;
  }
}
