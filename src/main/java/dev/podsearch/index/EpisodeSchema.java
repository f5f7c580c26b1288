package dev.podsearch.index;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Field names, analyzers and facet settings of the episode index: the one place that says how an episode is stored.
 *
 * <p>Text fields are analysed for English (possessives, stop words, Porter stemming, accents folded); every such field
 * has an {@code .exact} twin analysed without stemming or stop words, so that exact matches can outrank stemmed ones
 * and spelling suggestions come from real words.
 */
public final class EpisodeSchema {

  // identity and bookkeeping (StringField, stored; source_key, hash and format also as SortedDocValues)
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
  /**
   * What each speaker said: the transcript's stemmed words, each prefixed with its cue's speaker key and '|' ({@code
   * ada_lovelace|compil}); same positions and offsets as {@link #TRANSCRIPT}. Indexed only, for {@code speaker:}
   * queries and their moments.
   */
  public static final String SAID = "transcript.said";
  /** The keys ({@link #speakerKey}) of the speakers of an episode's cues (StringField, not stored). */
  public static final String SPEAKER = "speaker";
  /** Suffix of the unstemmed twin of a text field, e.g. {@code title.exact}. */
  public static final String EXACT = ".exact";

  /** Days since the epoch: LongPoint for ranges, NumericDocValues for sorting, stored. */
  public static final String PUBLISHED = "published";
  /**
   * The whole episode as JSON: what indexes written before {@link #TEXT_VALUE} stored, last. Read only as a fallback
   * for such indexes (see {@link HitEpisodes}); new documents do not have it.
   */
  public static final String EPISODE_JSON = "episode_json";
  /**
   * The notes text, UTF-8, as binary doc values. Doc values are not compressed, so a hit's text is a slice of the
   * mapped file: stored fields had to be decompressed, which was a third of a search's time.
   */
  public static final String TEXT_VALUE = "text.value";
  /** The {@link #transcriptText transcript text}, UTF-8, as binary doc values (see {@link #TEXT_VALUE}). */
  public static final String TRANSCRIPT_VALUE = "transcript.value";
  /** The episode without notes text and transcript as JSON, stored first: what hits are built from (see {@link HitEpisodes}). */
  public static final String HIT_JSON = "hit_json";
  /** The transcript's cues without their text (times, speakers, lengths), stored right after {@link #HIT_JSON}. */
  public static final String CUES = "cues";

  // facet dimensions (SortedSetDocValuesFacetField)
  public static final String FACET_TAG = "tag";
  public static final String FACET_PERSON = "person";
  public static final String FACET_PODCAST = "podcast";
  public static final String FACET_YEAR = "year";

  /** Number of transcript cues (NumericDocValues), so stats can sum cues without reading stored JSON. */
  public static final String CUE_COUNT = "cue_count";

  /** The fields whose values are analysed text; each also has an {@link #EXACT} twin. */
  public static final List<String> TEXT_FIELDS = List.of(TITLE, PODCAST, PEOPLE, TAGS, DESCRIPTION, TEXT, TRANSCRIPT);

  private static final Set<String> STORED_TEXT = Set.of(TITLE, DESCRIPTION);
  private static final FieldType STORED_TEXT_TYPE = textType(true);
  private static final FieldType TEXT_TYPE = textType(false);
  private static final FacetsConfig FACETS = facetsConfig();

  private EpisodeSchema() {}

  /**
   * The Lucene document for one episode of a source, facets already built: ready for {@code IndexWriter.addDocument}.
   *
   * <p>Text fields index positions and offsets, so highlighters can use postings instead of re-analysing.
   */
  public static Document toDocument(Episode episode, SourceInfo source) {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(source, "source");
    Document doc = new Document();
    doc.add(new StoredField(HIT_JSON, HitEpisodes.hitJson(episode)));
    if (!episode.transcript().isEmpty()) {
      doc.add(new StoredField(CUES, HitEpisodes.encodeCues(episode.transcript())));
    }
    addString(doc, ID, episode.id());
    addString(doc, SOURCE_KEY, source.key());
    addString(doc, ORIGIN, source.origin());
    addString(doc, SOURCE, source.source());
    addString(doc, FORMAT, source.format());
    if (source.hash() != null) {
      doc.add(new StoredField(HASH, source.hash()));
    }
    addBookkeeping(doc, source);
    addText(doc, TITLE, episode.title());
    addText(doc, PODCAST, episode.podcast());
    episode.people().forEach(p -> addText(doc, PEOPLE, p.name()));
    episode.tags().forEach(t -> addText(doc, TAGS, t));
    addText(doc, DESCRIPTION, episode.description());
    if (!notesRepeatTranscript(episode)) {
      addText(doc, TEXT, episode.text());
    }
    String transcript = transcriptText(episode.transcript());
    addText(doc, TRANSCRIPT, transcript);
    addValue(doc, TEXT_VALUE, episode.text());
    addValue(doc, TRANSCRIPT_VALUE, transcript);
    addSpeakers(doc, episode.transcript());
    doc.add(new NumericDocValuesField(CUE_COUNT, episode.transcript().size()));
    addPublished(doc, episode.published());
    addFacets(doc, episode);
    return build(doc);
  }

  /** Cues sampled to tell notes that are the transcript written out again; words shorter than this prove little. */
  private static final int SAMPLED_CUES = 3;
  private static final int SAMPLED_CUE_MIN_CHARS = 20;

  /**
   * Whether the episode's notes are its transcript written out again (a transcript page, "Speaker: words" and all):
   * most of a few cues spread over the transcript appear in them word for word. Such notes are not indexed as
   * {@link #TEXT}: ranking combines every text field of an episode into one (BM25F), and the same talk counted twice
   * doubled those episodes' word counts and lengths against episodes whose notes are notes (measured in
   * docs/ranking.md). Their words stay searchable in {@link #TRANSCRIPT}, and the notes stay stored.
   */
  public static boolean notesRepeatTranscript(Episode episode) {
    List<Cue> cues = episode.transcript();
    String notes = episode.text();
    if (cues.isEmpty() || notes == null || notes.length() < SAMPLED_CUE_MIN_CHARS) {
      return false;
    }
    String flat = notes.replaceAll("\\s+", " ");
    int sampled = 0;
    int found = 0;
    int from = 0;
    for (int k = 1; k <= SAMPLED_CUES; k++) {
      // the first cue long enough at or after the k-th quarter of the transcript
      for (int i = Math.max(from, cues.size() * k / (SAMPLED_CUES + 1)); i < cues.size(); i++) {
        String cue = cues.get(i).text().replaceAll("\\s+", " ").strip();
        if (cue.length() >= SAMPLED_CUE_MIN_CHARS) {
          sampled++;
          found += flat.contains(cue) ? 1 : 0;
          from = i + 1;
          break;
        }
      }
    }
    return sampled > 0 && found * 2 > sampled;
  }

  /**
   * The value indexed in {@link #TRANSCRIPT}: the cue texts in order, joined by a newline.
   *
   * <p>Highlight offsets in that field map back to cues with {@link #cueStartOffsets}.
   */
  public static String transcriptText(List<Cue> cues) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cues.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(cues.get(i).text());
    }
    return text.toString();
  }

  /** The key a cue speaker is indexed under in {@link #SPEAKER} and {@link #SAID}: "Ada Lovelace" gives ada_lovelace. */
  public static String speakerKey(String name) {
    return SpeakerTerms.key(name);
  }

  /** The term of {@link #SAID} for a speaker key and an analysed transcript term. */
  public static String saidTerm(String speakerKey, String term) {
    return speakerKey + SpeakerTerms.SEPARATOR + term;
  }

  private static void addSpeakers(Document doc, List<Cue> cues) {
    Set<String> keys = new java.util.TreeSet<>();
    cues.forEach(c -> keys.add(speakerKey(c.speaker())));
    keys.remove("");
    if (keys.isEmpty()) {
      return;
    }
    keys.forEach(k -> doc.add(new StringField(SPEAKER, k, Field.Store.NO)));
    doc.add(new Field(SAID, SpeakerTerms.stream(cues), TEXT_TYPE));
  }

  /** Where each cue starts in {@link #transcriptText}: element i is the character offset of cue i. */
  public static int[] cueStartOffsets(List<Cue> cues) {
    int[] starts = new int[cues.size()];
    int offset = 0;
    for (int i = 0; i < cues.size(); i++) {
      starts[i] = offset;
      offset += cues.get(i).text().length() + 1;
    }
    return starts;
  }

  /** The cue that holds a character offset of {@link #transcriptText}, or -1 when there are no cues. */
  public static int cueAt(int[] cueStartOffsets, int offset) {
    int i = Arrays.binarySearch(cueStartOffsets, offset);
    return i >= 0 ? i : -i - 2;
  }

  // Doc values let an incremental reindex read every source's hash without decompressing the big stored fields.
  private static void addBookkeeping(Document doc, SourceInfo source) {
    doc.add(new SortedDocValuesField(SOURCE_KEY, new BytesRef(source.key())));
    doc.add(new SortedDocValuesField(HASH, new BytesRef(source.hash() == null ? "" : source.hash())));
    doc.add(new SortedDocValuesField(FORMAT, new BytesRef(source.format() == null ? "" : source.format())));
  }

  private static void addString(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StringField(field, value, Field.Store.YES));
    }
  }

  // The twin is neither stored nor needed for highlighting, but keeps offsets so a highlighter may use either field.
  private static void addText(Document doc, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    doc.add(new Field(field, value, STORED_TEXT.contains(field) ? STORED_TEXT_TYPE : TEXT_TYPE));
    doc.add(new Field(field + EXACT, value, TEXT_TYPE));
  }

  private static void addValue(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new BinaryDocValuesField(field, new BytesRef(value)));
    }
  }

  private static void addPublished(Document doc, LocalDate published) {
    if (published == null) {
      return;
    }
    long day = published.toEpochDay();
    doc.add(new LongPoint(PUBLISHED, day));
    doc.add(new NumericDocValuesField(PUBLISHED, day));
    doc.add(new StoredField(PUBLISHED, day));
  }

  private static void addFacets(Document doc, Episode episode) {
    // one spelling per tag and episode, so that counts summed over spellings ("Kubernetes" + "kubernetes") stay exact
    java.util.Set<String> seen = new java.util.HashSet<>();
    episode.tags().stream().filter(EpisodeSchema::isLabel).map(String::trim)
        .filter(t -> seen.add(t.toLowerCase(java.util.Locale.ROOT)))
        .forEach(t -> doc.add(new SortedSetDocValuesFacetField(FACET_TAG, t)));
    episode.people().stream().map(Person::name).filter(EpisodeSchema::isLabel).map(String::trim).distinct()
        .forEach(n -> doc.add(new SortedSetDocValuesFacetField(FACET_PERSON, n)));
    if (isLabel(episode.podcast())) {
      doc.add(new SortedSetDocValuesFacetField(FACET_PODCAST, episode.podcast().trim()));
    }
    if (episode.published() != null) {
      doc.add(new SortedSetDocValuesFacetField(FACET_YEAR, String.valueOf(episode.published().getYear())));
    }
  }

  private static boolean isLabel(String value) {
    return value != null && !value.isBlank();
  }

  private static Document build(Document doc) {
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      // Only taxonomy facets do I/O here, and this schema has none.
      throw new UncheckedIOException(e);
    }
  }

  private static FieldType textType(boolean stored) {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.setStored(stored);
    type.freeze();
    return type;
  }

  /** The facet configuration both writers and readers must share. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_TAG, true);
    config.setMultiValued(FACET_PERSON, true);
    return config;
  }

  /**
   * The similarity the writer and every searcher use: BM25 with Lucene's defaults (k1 1.2, b 0.75), which measured
   * best for the combined fields the ranking scores words over (see docs/ranking.md). Norms are written at index time
   * and do not depend on k1 or b, so changing these needs no reindex.
   */
  public static Similarity similarity() {
    return new BM25Similarity();
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

  /** The filters of {@link #englishAnalyzer} over a tokenizer's output. */
  static TokenStream englishChain(TokenStream source) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return new PorterStemFilter(stream);
  }

  /** English words: possessives dropped, lower-cased, accents folded, stop words removed, Porter-stemmed. */
  public static Analyzer englishAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, englishChain(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }
}
