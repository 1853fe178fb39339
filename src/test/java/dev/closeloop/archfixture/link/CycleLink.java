package dev.closeloop.archfixture.link;

import dev.closeloop.archfixture.ticket.CycleTicket;

/** Planted: the other half of the cycle. */
public final class CycleLink {
  public static String code() {
    return "L";
  }

  public static String ticket() {
    return CycleTicket.id();
  }
}
