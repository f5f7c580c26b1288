package dev.podsearch.episode;

import java.util.Locale;

/** What a person does in an episode. */
public enum Role {
  HOST,
  GUEST,
  UNKNOWN;

  /** The lower-case name used in JSON and in the index. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a role name leniently ("Host", "guest", "co-host"); anything unrecognised is {@link #UNKNOWN}. */
  public static Role parse(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.contains("host")) {
      return HOST;
    }
    if (v.contains("guest")) {
      return GUEST;
    }
    return UNKNOWN;
  }
}
