package dev.closeloop.survey;

/** What a typed chat reply means, before the conversation decides what to do with it. */
public sealed interface ParsedAnswer {
  record Rating(int score, String comment) implements ParsedAnswer {}

  record Fixed(boolean fixed) implements ParsedAnswer {}

  record Yes() implements ParsedAnswer {}

  record No() implements ParsedAnswer {}

  record Stop() implements ParsedAnswer {}

  record OptIn() implements ParsedAnswer {}

  record FreeText(String text) implements ParsedAnswer {}

  record Empty() implements ParsedAnswer {}
}
