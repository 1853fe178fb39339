package dev.closeloop.digest;

/**
 * CSAT (share of ratings that are 4 or 5) always with the response rate beside it, so a
 * low-response period cannot look good. Null when the denominator is 0. {@code demoNotCounted}: the
 * sandbox is on, and its demo answers, which a digest may list, are left out of these figures (said
 * beside them, or a demo digest reads "CSAT n/a (0 rated)" above the 2/5 it lists).
 */
public record Figures(
    Double csat, Double responseRate, int rated, int answered, int sent, boolean demoNotCounted) {
  public Figures(Double csat, Double responseRate, int rated, int answered, int sent) {
    this(csat, responseRate, rated, answered, sent, false);
  }

  /** These figures, said to leave the sandbox's demo answers out. */
  public Figures withDemoNotCounted() {
    return new Figures(csat, responseRate, rated, answered, sent, true);
  }

  /** The figures in the team's language, CSAT always beside the response rate. */
  public String line(dev.closeloop.language.Words words) {
    String line = figures(words);
    // the note's spacing is the bundle's: none before Japanese full-width brackets
    return demoNotCounted ? words.t("figuresDemoNotCounted", "figures", line) : line;
  }

  private String figures(dev.closeloop.language.Words words) {
    String na = words.t("notAvailable");
    return words.t(
        "figures",
        "csat",
        csat == null ? na : words.percent(csat),
        "rated",
        rated,
        "rate",
        responseRate == null ? na : words.percent(responseRate),
        "answered",
        answered,
        "sent",
        sent);
  }

  public String line() {
    return "CSAT "
        + percent(csat)
        + " ("
        + rated
        + " rated) · response rate "
        + percent(responseRate)
        + " ("
        + answered
        + " of "
        + sent
        + " answered)";
  }

  public static String percent(Double share) {
    return share == null ? "n/a" : Math.round(share * 100) + "%";
  }
}
