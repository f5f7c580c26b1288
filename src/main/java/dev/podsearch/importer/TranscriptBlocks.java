package dev.podsearch.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SRT and WebVTT text into blocks of non-blank lines. A timing line ({@code -->}) inside a block starts a new
 * block, taking the cue number or id just above it along: files with missing blank lines still give one block per cue.
 */
final class TranscriptBlocks {

  /** One block: its lines and the line number (1-based) of the first. */
  record Block(int firstLine, List<String> lines) {

    /** Index of the timing line in {@link #lines}, or -1. */
    int timingIndex() {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("-->")) {
          return i;
        }
      }
      return -1;
    }

    String first() {
      return lines.get(0);
    }
  }

  private TranscriptBlocks() {}

  /** The blocks of a transcript, in order. */
  static List<Block> read(String text) {
    String[] lines = text.replace("\uFEFF", "").split("\\r\\n|\\r|\\n", -1);
    List<Block> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean startsCue = line.contains("-->") && hasTiming(current);
      boolean idBeforeCue = i + 1 < lines.length && lines[i + 1].contains("-->") && hasTiming(current);
      if (line.isBlank() || startsCue || idBeforeCue) {
        flush(blocks, current, start);
        current = new ArrayList<>();
      }
      if (!line.isBlank()) {
        if (current.isEmpty()) {
          start = i + 1;
        }
        current.add(line.strip());
      }
    }
    flush(blocks, current, start);
    return blocks;
  }

  private static boolean hasTiming(List<String> lines) {
    return lines.stream().anyMatch(l -> l.contains("-->"));
  }

  private static void flush(List<Block> blocks, List<String> lines, int start) {
    if (!lines.isEmpty()) {
      blocks.add(new Block(start, List.copyOf(lines)));
    }
  }
}
