package dev.podsearch.importer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Mutations of seed sources for fuzzing: insertions, deletions, truncation, random bytes, duplication, deep nesting. */
public final class Mutations {
  private Mutations() {}

  /** One change to a source's bytes; positions are fractions of the length so they fit any size. */
  public interface Mutation {
    byte[] apply(byte[] bytes);
  }

  /** Fragments that parsers treat specially, and a few that break tokenizers and decoders. */
  static final List<String> TOKENS = List.of("<", ">", "</", "/>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml ?>",
      "<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>", "&e;", "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp", "\"", "'",
      "{", "}", "[", "]", ":", ",", "null", "1e999", "-0", "NaN", "\\", "\\u0000", "\\ud800", "\n---\n", "---\n",
      "-->", "00:00:00,000 --> ", "99:99:99,999", "00:00.000 --> 00:00.001", "WEBVTT\n", "NOTE ", "<v ", "**", "**A:**",
      "\\[00:00\\]", "\\[999:59:59\\]", "# ", "```", "> ", "- ", "1. ", "| a |", "{{< x >}}", "{% x %}", "{/* c */}",
      "import x from 'y';", "<X />", "<script>", "</script>", "<style>", "<svg onload=alert(1)>", "javascript:", "é",
      "\u200b", "\ufeff", "\u2028", "\r", "\r\n", "\t", " ", "\n\n", "tags: [", "title:", "date: 2023-13-45",
      "duration: 99:99:99:99", "<item>", "</item>", "<entry>", "<enclosure url=\"\"/>", "<itunes:duration>",
      "<time datetime=\"\">", "<cite>", "\"segments\": [", "\"startTime\": -1", "\"body\": {}", "9".repeat(40));

  /** Openers that nest: the parsers' recursive paths are where a stack overflows. */
  static final List<String> NESTERS = List.of("<div>", "<b><i>", "<ul><li>", "<item>", "<![CDATA[", "[", "{\"a\":",
      "> ", "- ", "  - ", "(", "*", "**", "<v A>", "{{<", "<X>", "<!--");

  /** A mutated source; prints as (shortened) text so that a failing sample can be read and copied into an example. */
  public record Mutant(byte[] bytes) {
    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      String shown = text.length() > 600 ? text.substring(0, 300) + "[...]" + text.substring(text.length() - 300) : text;
      return bytes.length + " bytes: " + shown.replace("\n", "\\n");
    }
  }

  /** A sequence of 1 to {@code max} mutations of a seed. */
  public static Arbitrary<Mutant> of(String seed, int max) {
    byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
    return mutation().list().ofMinSize(1).ofMaxSize(max).map(list -> {
      byte[] out = bytes;
      for (Mutation m : list) {
        out = m.apply(out);
      }
      return new Mutant(out);
    });
  }

  /** Any one mutation. */
  public static Arbitrary<Mutation> mutation() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, insertToken()),
        net.jqwik.api.Tuple.of(2, insertRandomText()),
        net.jqwik.api.Tuple.of(3, delete()),
        net.jqwik.api.Tuple.of(2, truncate()),
        net.jqwik.api.Tuple.of(2, randomBytes()),
        net.jqwik.api.Tuple.of(2, duplicate()),
        net.jqwik.api.Tuple.of(1, nest()),
        net.jqwik.api.Tuple.of(1, longWord()));
  }

  private static Arbitrary<Double> at() {
    return Arbitraries.doubles().between(0, 1);
  }

  static Arbitrary<Mutation> insertToken() {
    return Combinators.combine(at(), Arbitraries.of(TOKENS))
        .as((where, token) -> bytes -> insert(bytes, where, token.getBytes(StandardCharsets.UTF_8)));
  }

  static Arbitrary<Mutation> insertRandomText() {
    return Combinators.combine(at(), Arbitraries.strings().all().ofMaxLength(30))
        .as((where, text) -> bytes -> insert(bytes, where, text.getBytes(StandardCharsets.UTF_8)));
  }

  static Arbitrary<Mutation> delete() {
    return Combinators.combine(at(), Arbitraries.integers().between(1, 200))
        .as((where, n) -> bytes -> {
          int from = pos(bytes, where);
          int to = Math.min(bytes.length, from + n);
          byte[] out = new byte[bytes.length - (to - from)];
          System.arraycopy(bytes, 0, out, 0, from);
          System.arraycopy(bytes, to, out, from, bytes.length - to);
          return out;
        });
  }

  static Arbitrary<Mutation> truncate() {
    return at().map(where -> bytes -> Arrays.copyOf(bytes, pos(bytes, where)));
  }

  /** Overwrites a few bytes with anything: invalid UTF-8, NUL, control characters. */
  static Arbitrary<Mutation> randomBytes() {
    return Combinators.combine(at(), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
        .as((where, noise) -> bytes -> {
          byte[] out = bytes.clone();
          int from = pos(bytes, where);
          for (int i = 0; i < noise.length && from + i < out.length; i++) {
            out[from + i] = noise[i];
          }
          return out;
        });
  }

  /** Repeats a slice many times: long lists of items, cues and segments. */
  static Arbitrary<Mutation> duplicate() {
    return Combinators.combine(at(), Arbitraries.integers().between(1, 400), Arbitraries.integers().between(2, 200))
        .as((where, length, times) -> bytes -> {
          int from = pos(bytes, where);
          byte[] slice = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + length));
          byte[] repeated = new byte[slice.length * times];
          for (int i = 0; i < times; i++) {
            System.arraycopy(slice, 0, repeated, i * slice.length, slice.length);
          }
          return insert(bytes, where, repeated);
        });
  }

  /** An opener repeated thousands of times (never closed). */
  static Arbitrary<Mutation> nest() {
    return Combinators.combine(at(), Arbitraries.of(NESTERS), Arbitraries.integers().between(100, 5000))
        .as((where, opener, depth) -> bytes -> insert(bytes, where, opener.repeat(depth).getBytes(StandardCharsets.UTF_8)));
  }

  /** One very long word: longer than any index term may be. */
  static Arbitrary<Mutation> longWord() {
    return Combinators.combine(at(), Arbitraries.integers().between(200, 40_000))
        .as((where, n) -> bytes -> insert(bytes, where, "w".repeat(n).getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] insert(byte[] bytes, double where, byte[] what) {
    int at = pos(bytes, where);
    byte[] out = new byte[bytes.length + what.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
    return out;
  }

  private static int pos(byte[] bytes, double where) {
    return (int) Math.min(bytes.length, Math.floor(where * (bytes.length + 1)));
  }
}
