package dev.podsearch.cli;

import java.util.List;

/**
 * One line of a known-item query file: a query a person typed to find one episode again.
 *
 * @param targets the target source path first, then the alternates that count as finding it
 * @param kind the kind of query ("topic", "misspelled", ...), for per-kind results
 */
record KnownItemQuery(String query, List<String> targets, String kind, int line) {

  /**
   * Whether a hit's source is one of the targets. Sources are relative to the root that was indexed, targets to the
   * corpus root, so either may carry extra leading folders: they match when one ends with the other at a '/'.
   */
  boolean isTarget(String source) {
    if (source == null || source.isBlank()) {
      return false;
    }
    return targets.stream().anyMatch(t -> sameFile(t, source));
  }

  static boolean sameFile(String a, String b) {
    String x = a.replace('\\', '/');
    String y = b.replace('\\', '/');
    if (x.length() < y.length()) {
      String s = x;
      x = y;
      y = s;
    }
    return x.equals(y) || x.endsWith("/" + y);
  }
}
