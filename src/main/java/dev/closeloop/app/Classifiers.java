package dev.closeloop.app;

import dev.closeloop.digest.CommentClassifier;
import java.util.List;
import java.util.Locale;

/** The comment classifier the app uses. */
final class Classifiers {
  private Classifiers() {}

  static CommentClassifier standard() {
    List<String> phrases = List.of("not working", "still", "can't", "cannot", "broken", "again", "never", "useless",
        "waste", "nobody", "no one", "didn't", "doesn't", "terrible", "awful", "slow", "closed without");
    return comment -> {
      String c = comment == null ? "" : comment.toLowerCase(Locale.ROOT);
      return phrases.stream().anyMatch(c::contains);
    };
  }
}
