package dev.closeloop.language;

import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Catalog} bound to one language and one time zone: what one message is written with.
 * {@code t("reminder", "ticket", "INC-1")} formats a key with named arguments given as pairs.
 */
public record Words(Catalog catalog, String lang, ZoneId zone) {

  /**
   * The IT team's texts: {@code digest.locale} (a bundled language, else English), {@code zone}.
   */
  public static Words team(String digestLocale, String zone) {
    String lang =
        Languages.match(digestLocale, java.util.Set.copyOf(Languages.BUNDLED))
            .orElse(Languages.FALLBACK);
    return new Words(Catalog.team(), lang, ZoneId.of(zone));
  }

  public String t(String key, Object... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs");
    }
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      args.put((String) pairs[i], pairs[i + 1]);
    }
    return catalog.format(lang, key, args, zone);
  }

  public Locale locale() {
    return Locale.forLanguageTag(lang);
  }

  /** A share 0–1 as a percentage in this language ("42%", "42 %"), or null for none. */
  public String percent(Double share) {
    if (share == null) {
      return null;
    }
    NumberFormat f = NumberFormat.getPercentInstance(ULocale.forLanguageTag(lang));
    f.setMaximumFractionDigits(0);
    return f.format(share);
  }

  /**
   * An age such as "2d 3h", "5h" or "12m", in this language's short units; under a minute reads
   * "1m" (an immediate alert is posted seconds after the answer, and "open for 0m" reads as a
   * fault).
   */
  public String age(Duration d) {
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long days = d.toDays();
    long hours = days > 0 ? d.toHoursPart() : d.toHours();
    long minutes = days > 0 || hours > 0 ? -1 : Math.max(d.toMinutes(), 1);
    // a digest shows a hundred ages, most of them alike: each is formatted once per language
    String key = lang + ' ' + days + ' ' + hours + ' ' + minutes;
    String known = AGES.get(key);
    if (known == null) {
      if (AGES.size() >= MAX_AGES) {
        AGES.clear();
      }
      known = formatAge(days, hours, minutes);
      AGES.put(key, known);
    }
    return known;
  }

  /** Ages formatted so far, by language and parts; cleared when full. */
  private static final Map<String, String> AGES = new ConcurrentHashMap<>();

  private static final int MAX_AGES = 10_000;

  private String formatAge(long days, long hours, long minutes) {
    List<Measure> parts = new ArrayList<>();
    if (days > 0) {
      parts.add(new Measure(days, MeasureUnit.DAY));
      parts.add(new Measure(hours, MeasureUnit.HOUR));
    } else if (hours > 0) {
      parts.add(new Measure(hours, MeasureUnit.HOUR));
    } else {
      parts.add(new Measure(minutes, MeasureUnit.MINUTE));
    }
    // CLDR's narrow units read well in en, fr, es ("2d 3h"); German, Portuguese and Japanese read
    // better in short units ("2 Tg., 3 Std.", "2 dias e 3 h" where narrow mixes "2 dias 3 h",
    // "2 日 3 時間" where narrow is ASCII "2d3h")
    String base = Languages.language(lang).orElse(lang);
    MeasureFormat.FormatWidth width =
        base.equals("de") || base.equals("ja") || base.equals("pt")
            ? MeasureFormat.FormatWidth.SHORT
            : MeasureFormat.FormatWidth.NARROW;
    String age =
        MeasureFormat.getInstance(ULocale.forLanguageTag(lang), width)
            .formatMeasures(parts.toArray(new Measure[0]));
    // Japanese sets no space between a number and its unit: "2日3時間", "12分"
    return base.equals("ja") ? age.replaceAll("[\\s\\u00A0\\u202F]", "") : age;
  }

  /** The name of a language in this one ("German", "Deutsch", "ドイツ語"). */
  public String languageName(String otherLang) {
    // a digest marks up to a hundred comments with a few languages' names: ICU looks each name up
    // in its locale data, so each is looked up once per pair of languages
    String key = lang + ' ' + otherLang;
    String known = LANGUAGE_NAMES.get(key);
    if (known == null) {
      if (LANGUAGE_NAMES.size() >= MAX_LANGUAGE_NAMES) {
        LANGUAGE_NAMES.clear();
      }
      known = ULocale.forLanguageTag(otherLang).getDisplayLanguage(ULocale.forLanguageTag(lang));
      LANGUAGE_NAMES.put(key, known);
    }
    return known;
  }

  /** Language names looked up so far, by the language named and the one naming it. */
  private static final Map<String, String> LANGUAGE_NAMES = new ConcurrentHashMap<>();

  private static final int MAX_LANGUAGE_NAMES = 1_000;
}
