package dev.podsearch.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable episode ids and content hashes. */
final class Ids {
  private Ids() {}

  /**
   * A short id that stays the same across reindexes: derived from the source path (or URL) and the entry's key
   * within it (a guid, or the entry's position for multi-episode sources).
   */
  static String episodeId(String source, String entryKey) {
    return sha256(source + "#" + entryKey).substring(0, 16);
  }

  /** Hex SHA-256 of bytes. */
  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256Digest().digest(bytes));
  }

  /** A fresh SHA-256 digest, for hashes over several pieces. */
  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }
}
