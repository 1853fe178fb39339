/**
 * Planted violations of the layering rules, imported only by {@code
 * ArchitectureRulesCatchViolationsTest}: each class breaks one rule of {@code ArchitectureRules} on
 * purpose, in a package tree that mirrors the real one. The real check imports main classes only.
 */
package dev.closeloop.archfixture;
