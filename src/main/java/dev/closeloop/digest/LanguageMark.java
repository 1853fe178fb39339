package dev.closeloop.digest;

import dev.closeloop.language.Languages;
import dev.closeloop.language.Words;
import java.util.Optional;

/**
 * Which language a quoted comment is in, for the mark the digest puts beside it: what the comment
 * itself reads as ({@link CommentLanguage#detect}), else, for text too short to tell, the language
 * the requester was surveyed in (the ticket's or platform's locale, else {@code survey.locale}).
 */
@FunctionalInterface
public interface LanguageMark {
  /**
   * The language code of {@code comment} ("de", "ja"), or empty when unknown; {@code detected} is
   * its language as found when it was stored ("" when it could not be told), or null when it was
   * not looked at then.
   */
  Optional<String> of(String comment, String detected, String requesterLocale);

  /**
   * " (German)", "（ドイツ語）": the mark beside a quoted comment, named in the language of {@code words}
   * (the space before it is the bundle's: none before Japanese full-width brackets); "" when the
   * language is unknown.
   */
  default String shown(Words words, String comment, String detected, String requesterLocale) {
    return of(comment, detected, requesterLocale)
        .map(lang -> words.t("commentLanguage", "language", words.languageName(lang)))
        .orElse("");
  }

  /** {@link #of(String, String, String)} for a comment whose language was not looked at. */
  default Optional<String> of(String comment, String requesterLocale) {
    return of(comment, null, requesterLocale);
  }

  /**
   * The comment's language as found when it was stored, or detected now when it was not looked at
   * then; else {@link #requesterLocale(String)}.
   */
  static LanguageMark detected(String fallback) {
    LanguageMark known = requesterLocale(fallback);
    return (comment, detected, requesterLocale) ->
        (detected == null ? CommentLanguage.detect(comment) : Languages.language(detected))
            .or(() -> known.of(comment, requesterLocale));
  }

  /** The requester's known locale, else {@code fallback} ({@code survey.locale}). */
  static LanguageMark requesterLocale(String fallback) {
    return (comment, detected, requesterLocale) ->
        Languages.language(requesterLocale).or(() -> Languages.language(fallback));
  }
}
