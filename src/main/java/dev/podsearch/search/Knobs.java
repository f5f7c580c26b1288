package dev.podsearch.search;

/** TEMPORARY experiment knobs (system properties ps.*); removed before the final commit. */
public final class Knobs {
  private Knobs() {}

  public static float f(String name, float def) {
    String v = System.getProperty("ps." + name);
    return v == null ? def : Float.parseFloat(v);
  }

  public static int i(String name, int def) {
    String v = System.getProperty("ps." + name);
    return v == null ? def : Integer.parseInt(v);
  }

  public static String s(String name, String def) {
    return System.getProperty("ps." + name, def);
  }
}
