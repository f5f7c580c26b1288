package dev.podsearch.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names, analyzers and facet settings of the episode index: the one place that says how an episode is stored.
 *
 * <p>Text fields are analysed for English (possessives, stop words, Porter stemming, accents folded); every such field
 * has an {@code .exact} twin analysed without stemming or stop words, so that exact matches can outrank stemmed ones
 * and spelling suggestions come from real words.
 */
public final class EpisodeSchema {

  // identity and bookkeeping (StringField, stored)
  public static final String ID = "id";
  /** origin + "|" + source: the term that incremental reindexing replaces and deletes by. */
  public static final String SOURCE_KEY = "source_key";
  public static final String ORIGIN = "origin";
  public static final String SOURCE = "source";
  public static final String HASH = "hash";
  public static final String FORMAT = "format";

  // searchable text (TextField, English analysis; stored where highlights need them)
  public static final String TITLE = "title";
  public static final String PODCAST = "podcast";
  public static final String PEOPLE = "people";
  public static final String TAGS = "tags";
  public static final String DESCRIPTION = "description";
  public static final String TEXT = "text";
  public static final String TRANSCRIPT = "transcript";
  /** Suffix of the unstemmed twin of a text field, e.g. {@code title.exact}. */
  public static final String EXACT = ".exact";

  /** Days since the epoch: LongPoint for ranges, NumericDocValues for sorting, stored. */
  public static final String PUBLISHED = "published";
  /** The whole episode as JSON, stored only: what episode views and hits are built from. */
  public static final String EPISODE_JSON = "episode_json";

  // facet dimensions (SortedSetDocValuesFacetField)
  public static final String FACET_TAG = "tag";
  public static final String FACET_PERSON = "person";
  public static final String FACET_PODCAST = "podcast";
  public static final String FACET_YEAR = "year";

  private EpisodeSchema() {}

  /** The facet configuration both writers and readers must share. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_TAG, true);
    config.setMultiValued(FACET_PERSON, true);
    return config;
  }

  /** The analyzer for indexing and querying: English for text fields, unstemmed for their {@code .exact} twins. */
  public static Analyzer analyzer() {
    Analyzer exact = exactAnalyzer();
    Map<String, Analyzer> perField =
        Map.of(
            TITLE + EXACT, exact,
            PODCAST + EXACT, exact,
            PEOPLE + EXACT, exact,
            TAGS + EXACT, exact,
            DESCRIPTION + EXACT, exact,
            TEXT + EXACT, exact,
            TRANSCRIPT + EXACT, exact);
    return new PerFieldAnalyzerWrapper(englishAnalyzer(), perField);
  }

  /** Lower-cased, accent-folded words, no stemming and no stop words. */
  public static Analyzer exactAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** English words: possessives dropped, lower-cased, accents folded, stop words removed, Porter-stemmed. */
  public static Analyzer englishAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }
}
