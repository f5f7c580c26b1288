package dev.podsearch.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file split into its YAML front matter and its body, with lenient readers for the many shapes front
 * matter values take (a list or a comma-separated string, a number or a quoted number).
 *
 * @param fields the front matter's top-level keys, lower-cased, in file order
 * @param body the Markdown after the front matter
 * @param bodyLine the 1-based line of the source where {@code body} starts
 */
record FrontMatter(Map<String, Object> fields, String body, int bodyLine) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern BLOCK = Pattern.compile("\\A---[ \\t]*\\r?\\n([\\s\\S]*?\\r?\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)");

  private static final Pattern TOML_BLOCK = Pattern.compile("\\A\\+\\+\\+[ \\t]*\\r?\\n([\\s\\S]*?\\r?\\n)?\\+\\+\\+[ \\t]*(?:\\r?\\n|\\z)");
  private static final Pattern TOML_PAIR = Pattern.compile("^([A-Za-z0-9_-]+)\\s*=\\s*(.+?)\\s*$");

  /** Splits {@code text}; a text without front matter has no fields. */
  static FrontMatter parse(String text) throws ParseException {
    Matcher toml = TOML_BLOCK.matcher(text);
    if (toml.find()) {
      String block = toml.group(1) == null ? "" : toml.group(1);
      return new FrontMatter(readToml(block), text.substring(toml.end()), Texts.lineOf(text, toml.end()));
    }
    Matcher m = BLOCK.matcher(text);
    if (!m.find()) {
      return new FrontMatter(Map.of(), text, 1);
    }
    String yaml = m.group(1) == null ? "" : m.group(1);
    int bodyLine = Texts.lineOf(text, m.end());
    return new FrontMatter(readYaml(yaml), text.substring(m.end()), bodyLine);
  }

  private static Map<String, Object> readYaml(String yaml) throws ParseException {
    if (yaml.isBlank()) {
      return Map.of();
    }
    Object value;
    try {
      value = YAML.readValue(yaml, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      // +1: the front matter starts after the opening "---" line.
      int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr() + 1;
      throw new ParseException(line, "malformed YAML front matter: " + Texts.clean(e.getOriginalMessage().lines().findFirst().orElse("?")));
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ParseException(2, "front matter is not a set of key: value pairs");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.putIfAbsent(String.valueOf(k).toLowerCase(Locale.ROOT), v));
    return out;
  }

  /**
   * Hugo's TOML front matter, read as far as episodes need it: top-level {@code key = value} pairs with strings, numbers,
   * booleans, dates and one-line arrays; tables are left out.
   */
  private static Map<String, Object> readToml(String block) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String line : block.split("\\r?\\n")) {
      String l = line.strip();
      if (l.startsWith("[")) {
        break;
      }
      Matcher pair = TOML_PAIR.matcher(l);
      if (pair.matches()) {
        out.putIfAbsent(pair.group(1).toLowerCase(Locale.ROOT), tomlValue(pair.group(2)));
      }
    }
    return out;
  }

  private static Object tomlValue(String raw) {
    String v = raw.replaceFirst("\\s+#[^\"']*$", "");
    if (v.startsWith("[") && v.endsWith("]")) {
      List<Object> items = new ArrayList<>();
      for (String item : v.substring(1, v.length() - 1).split(",")) {
        if (!item.isBlank()) {
          items.add(tomlValue(item.strip()));
        }
      }
      return items;
    }
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"");
    }
    if (v.matches("-?\\d{1,18}")) {
      return Long.parseLong(v);
    }
    return v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : v;
  }

  /** The first of {@code keys} that has a non-blank value, as text. */
  String string(String... keys) {
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        String s = Texts.clean(String.valueOf(v));
        if (!s.isEmpty()) {
          return s;
        }
      }
    }
    return null;
  }

  /** The raw value of the first of {@code keys} present. */
  Object value(String... keys) {
    for (String key : keys) {
      Object v = fields.get(key);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** A whole number under the first of {@code keys} that has one ("12", 12, "#12"). */
  Integer integer(String... keys) {
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof Number n) {
        return n.intValue();
      }
      if (v instanceof String s && s.strip().matches("#?\\d{1,7}")) {
        return Integer.parseInt(s.strip().replace("#", ""));
      }
    }
    return null;
  }

  /** All values under {@code keys}, each a list or a comma-separated string, flattened to strings. */
  List<String> strings(String... keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof List<?> list) {
        list.forEach(x -> addSplit(out, x));
      } else {
        addSplit(out, v);
      }
    }
    return out;
  }

  private static void addSplit(List<String> out, Object v) {
    if (v instanceof String s) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(Texts.clean(part));
        }
      }
    } else if (v instanceof Number || v instanceof Boolean) {
      out.add(String.valueOf(v));
    }
  }
}
