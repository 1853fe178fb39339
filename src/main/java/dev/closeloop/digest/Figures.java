package dev.closeloop.digest;

/**
 * CSAT (share of ratings that are 4 or 5) always with the response rate beside it, so a
 * low-response period cannot look good. Null when the denominator is 0.
 */
public record Figures(Double csat, Double responseRate, int rated, int answered, int sent) {
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
