package dev.closeloop.digest;

/**
 * CSAT (share of ratings that are 4 or 5) always with the response rate beside it, so a
 * low-response period cannot look good. Null when the denominator is 0.
 */
public record Figures(Double csat, Double responseRate, int rated, int answered, int sent) {
  /** The figures in the team's language, CSAT always beside the response rate. */
  public String line(dev.closeloop.language.Words words) {
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
