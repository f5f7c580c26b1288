package dev.podsearch.search;

/** HTML escaping for snippets: every character of source text goes through here before it reaches a page. */
final class Html {
  static final String MARK_OPEN = "<mark>";
  static final String MARK_CLOSE = "</mark>";

  private Html() {}

  /** {@code text} with the five HTML-special characters escaped and runs of whitespace made one space. */
  static String escape(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    if (space && out.length() > 0) {
      out.append(' ');
    }
    return out.toString();
  }

  /**
   * {@code text[from, to)} escaped, with the given match ranges (offsets into {@code text}, sorted) wrapped in
   * {@code <mark>}; ranges outside the window are clipped.
   */
  static String marked(CharSequence text, int from, int to, int[] starts, int[] ends) {
    StringBuilder out = new StringBuilder();
    int pos = from;
    for (int i = 0; i < starts.length; i++) {
      int s = Math.max(starts[i], pos);
      int e = Math.min(ends[i], to);
      if (e <= s) {
        continue;
      }
      out.append(escapeKeepEdges(text.subSequence(pos, s)));
      out.append(MARK_OPEN).append(escape(text.subSequence(s, e))).append(MARK_CLOSE);
      pos = e;
    }
    out.append(escapeKeepEdges(text.subSequence(pos, to)));
    return out.toString().strip();
  }

  /** Like {@link #escape} but keeps one space at either edge, so that marked words stay apart from their neighbours. */
  private static String escapeKeepEdges(CharSequence text) {
    if (text.length() == 0) {
      return "";
    }
    String core = escape(text);
    boolean lead = Character.isWhitespace(text.charAt(0)) && !core.isEmpty();
    boolean trail = Character.isWhitespace(text.charAt(text.length() - 1));
    return (lead ? " " : "") + core + (trail && !core.endsWith(" ") ? " " : "");
  }

  /** Escaped start of {@code text}, cut at a word boundary near {@code max} characters, with "…" when cut. */
  static String start(String text, int max) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String t = text.strip();
    if (t.length() <= max) {
      return escape(t);
    }
    int cut = t.lastIndexOf(' ', max);
    cut = cut < max / 2 ? max : cut;
    return escape(t.substring(0, cut)) + " …";
  }
}
