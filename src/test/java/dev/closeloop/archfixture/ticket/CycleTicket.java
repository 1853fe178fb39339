package dev.closeloop.archfixture.ticket;

import dev.closeloop.archfixture.link.CycleLink;

/** Planted: one half of a cycle between two features (ticket → link → ticket). */
public final class CycleTicket {
  public static String id() {
    return "T-" + CycleLink.code();
  }
}
