package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.index.EpisodeSchema;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HighlightsTest {
  @Test
  void plainWordsInTheTranscriptNeedNoWeightedMatches() {
    BooleanQuery words =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(EpisodeSchema.TRANSCRIPT, "kubernet")), Occur.SHOULD)
            .add(new TermQuery(new Term(EpisodeSchema.TRANSCRIPT + EpisodeSchema.EXACT, "kubernetes")), Occur.SHOULD)
            .add(new PhraseQuery(2, EpisodeSchema.TEXT, "kubernet", "cluster"), Occur.SHOULD)
            .build();

    assertThat(Highlights.spokenPhrases(words)).isFalse();
  }

  @Test
  void aPhraseInTheTranscriptOrWhatASpeakerSaidNeedsThem() {
    assertThat(Highlights.spokenPhrases(new PhraseQuery(EpisodeSchema.TRANSCRIPT, "servic", "mesh"))).isTrue();
    assertThat(Highlights.spokenPhrases(new PhraseQuery(EpisodeSchema.SAID, "a", "b"))).isTrue();
  }

  @Test
  void theLeanPassageScorerScoresEveryPassageAsLucenesDoes() {
    java.util.Random random = new java.util.Random(42);
    String[] words = {"kubernetes", "cluster", "mesh", "k8s"};
    for (int round = 0; round < 500; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(5000);
      passage.setStartOffset(start);
      passage.setEndOffset(start + 130 + random.nextInt(400)); // room for every match
      int matches = random.nextInt(12);
      for (int i = 0; i < matches; i++) {
        String w = words[random.nextInt(words.length)];
        // a term's frequency in the document is the same wherever it matches
        passage.addMatch(start + i * 10, start + i * 10 + w.length(), new BytesRef(w), 1 + w.length() * 3);
      }
      int contentLength = passage.getEndOffset() + random.nextInt(100_000);

      assertThat(new Highlights.LeanPassageScorer().score(passage, contentLength))
          .isEqualTo(new PassageScorer().score(passage, contentLength));
    }
  }
}
