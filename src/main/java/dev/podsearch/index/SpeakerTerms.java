package dev.podsearch.index;

import dev.podsearch.episode.Cue;
import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms of {@link EpisodeSchema#SAID}: each transcript word, analysed as in {@link EpisodeSchema#TRANSCRIPT}, with
 * the key of the cue's speaker in front ({@code ada_lovelace|compil}). Positions and offsets are those of the
 * transcript field, so phrases work as there and highlight offsets map to cues; words of cues without a speaker are
 * left out (their positions stay taken, so no phrase bridges them).
 */
final class SpeakerTerms {
  /** Between the speaker key and the word; never part of a key or of a word the tokenizer makes. */
  static final char SEPARATOR = '|';

  private SpeakerTerms() {}

  /** The key a speaker's name is indexed and searched by: lower-case ASCII letters and digits joined by '_'. */
  static String key(String name) {
    if (name == null) {
      return "";
    }
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "_").replaceAll("^_+|_+$", "");
  }

  /** A fresh token stream over the transcript (never an analyzer's reused one: a document may wait to be indexed). */
  static TokenStream stream(List<Cue> cues) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(EpisodeSchema.transcriptText(cues)));
    return new Prefixer(EpisodeSchema.englishChain(tokenizer), cues);
  }

  /** Puts the speaker key of the cue each token falls in before the token; drops tokens of unnamed speakers. */
  private static final class Prefixer extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final int[] cueStarts;
    private final String[] keys;

    Prefixer(TokenStream in, List<Cue> cues) {
      super(in);
      cueStarts = EpisodeSchema.cueStartOffsets(cues);
      keys = cues.stream().map(c -> key(c.speaker())).toArray(String[]::new);
    }

    @Override
    public boolean incrementToken() throws IOException {
      int skipped = 0;
      while (input.incrementToken()) {
        String speaker = keys[Math.max(0, EpisodeSchema.cueAt(cueStarts, offset.startOffset()))];
        if (speaker.isEmpty()) {
          skipped += increment.getPositionIncrement();
          continue;
        }
        String word = term.toString();
        term.setEmpty().append(speaker).append(SEPARATOR).append(word);
        increment.setPositionIncrement(increment.getPositionIncrement() + skipped);
        return true;
      }
      return false;
    }
  }
}
