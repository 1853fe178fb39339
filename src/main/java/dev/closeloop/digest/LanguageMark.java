package dev.closeloop.digest;

import dev.closeloop.language.Languages;
import java.util.Optional;

/**
 * Which language a quoted comment is in, for the mark the digest puts beside it: what the comment
 * itself reads as ({@link CommentLanguage#detect}), else, for text too short to tell, the language
 * the requester was surveyed in (the ticket's or platform's locale, else {@code survey.locale}).
 */
@FunctionalInterface
public interface LanguageMark {
  /** The language code of {@code comment} ("de", "ja"), or empty when unknown. */
  Optional<String> of(String comment, String requesterLocale);

  /** The comment's detected language, else {@link #requesterLocale(String)}. */
  static LanguageMark detected(String fallback) {
    LanguageMark known = requesterLocale(fallback);
    return (comment, requesterLocale) ->
        CommentLanguage.detect(comment).or(() -> known.of(comment, requesterLocale));
  }

  /** The requester's known locale, else {@code fallback} ({@code survey.locale}). */
  static LanguageMark requesterLocale(String fallback) {
    return (comment, requesterLocale) ->
        Languages.language(requesterLocale).or(() -> Languages.language(fallback));
  }
}
