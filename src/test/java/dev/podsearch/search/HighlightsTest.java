package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.index.EpisodeSchema;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
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
}
