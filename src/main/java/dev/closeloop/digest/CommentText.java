package dev.closeloop.digest;

import dev.closeloop.language.Texts;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a chat comment to one plain form the rule files are written in: chat markup, links and
 * mentions gone, accents on Latin letters stripped ("zurückgerufen" matches "zuruckgerufen"), "ß"
 * as "ss", English contractions spelled out ("can't" and "cant" become "can not"). Japanese voicing
 * marks are kept. Rules are put through the same steps.
 */
final class CommentText {
  /**
   * Longer comments are cut here: nobody writes a survey reply this long, and time stays bounded.
   */
  static final int MAX_CHARS = 4_000;

  private static final Pattern CHAT_MARKUP =
      Pattern.compile(
          "<[@#!][^>\\s]{0,80}>" // Slack and Discord mentions: <@U024BE7LH>, <!here>, <#C1|x>
              + "|<a?:\\w{1,40}:\\d{1,25}>" // Discord custom emoji
              + "|<https?://[^>\\s]{0,2000}>" // Slack link without a label
              + "|https?://\\S{0,2000}"
              + "|(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}._-]{1,40}"); // @everyone, @here, @sam
  private static final Pattern SLACK_LABELLED_LINK =
      Pattern.compile("<https?://[^>|\\s]*\\|([^>]*)>");
  private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u00B4`\u2032]");
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}\\p{Co}\\p{Cs}\\p{Cn}]");

  /** Accents on Latin letters only: Japanese voicing marks (が = か + ゙) are letters, not accents. */
  private static final Pattern LATIN_MARKS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");

  private static final Pattern LEFTOVER_SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  // Order matters: the specific forms before the general "n't".
  private static final Pattern CAN_NOT = Pattern.compile("(?i)\\b(can)(?:'t|nt|not|t)\\b");
  private static final Pattern WONT = Pattern.compile("(?i)\\b(wo)n'?t\\b");
  private static final Pattern NT = Pattern.compile("(?i)\\b(\\p{L}+)n't\\b");
  private static final Pattern NT_WITHOUT_APOSTROPHE =
      Pattern.compile(
          "(?i)\\b(do|does|did|is|was|are|were|has|have|had|could|would|should|must|need)nt\\b");

  /**
   * The comment without chat markup, links and mentions, cut at {@link #MAX_CHARS}; accents and
   * emoji are kept (they tell languages apart). "" for null input.
   */
  static String unmarked(String comment) {
    if (comment == null) {
      return "";
    }
    String text = Normalizer.normalize(cut(comment), Normalizer.Form.NFKC);
    text = SLACK_LABELLED_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    return CHAT_MARKUP.matcher(text).replaceAll(" ");
  }

  /**
   * Whether the comment is nothing but links, labelled ones among them ("&lt;https://…|the wiki
   * page&gt;"), and chat markup: a link's label is the page's title, not a reply, and judged as one
   * it is a guess (round 15: the French model read "the wiki page" as a complaint).
   */
  static boolean linksOnly(String comment) {
    if (comment == null) {
      return false;
    }
    String text = Normalizer.normalize(cut(comment), Normalizer.Form.NFKC);
    Matcher labelled = SLACK_LABELLED_LINK.matcher(text);
    return labelled.find() && plain(labelled.replaceAll(" ")).isEmpty();
  }

  /** The plain form of a comment; "" for null or blank input. Never throws. */
  static String plain(String comment) {
    if (comment == null || comment.isBlank()) {
      return "";
    }
    String text = unmarked(comment);
    text = text.replace("\uFE0F", "").replace("\uFE0E", "");
    text = APOSTROPHES.matcher(text).replaceAll("'");
    text = INVISIBLE.matcher(text).replaceAll(" ");
    text = LATIN_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    text = Normalizer.normalize(text, Normalizer.Form.NFC).replace("ß", "ss");
    text = LEFTOVER_SYMBOLS.matcher(text).replaceAll(" ");
    text = spellOutContractions(text);
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static String cut(String comment) {
    return Texts.head(comment, MAX_CHARS);
  }

  private static String spellOutContractions(String text) {
    text = CAN_NOT.matcher(text).replaceAll("$1 not");
    text =
        WONT.matcher(text).replaceAll(m -> m.group(1).charAt(0) == 'W' ? "Will not" : "will not");
    text = NT.matcher(text).replaceAll("$1 not");
    return NT_WITHOUT_APOSTROPHE.matcher(text).replaceAll("$1 not");
  }
}
