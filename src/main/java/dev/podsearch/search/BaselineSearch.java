package dev.podsearch.search;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.HitEpisodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Plain BM25 over the same episodes, the yardstick for ranking work: one catch-all field, Lucene's StandardAnalyzer, no
 * boosts, no stemming, no phrase or typo handling. Built in memory from the episodes stored in a podsearch index.
 */
public final class BaselineSearch implements AutoCloseable {
  private static final String ALL = "all";
  private static final String SOURCE = "source";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  private BaselineSearch(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /** Builds the baseline from every episode stored in the podsearch index at {@code indexDir}. */
  public static BaselineSearch build(Path indexDir) throws IOException {
    Directory memory = new ByteBuffersDirectory();
    try (Directory source = FSDirectory.open(indexDir);
        DirectoryReader episodes = DirectoryReader.open(source);
        IndexWriter writer = new IndexWriter(memory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (LeafReaderContext leaf : episodes.leaves()) {
        copyLeaf(leaf, writer);
      }
      writer.commit();
    }
    return new BaselineSearch(memory);
  }

  private static void copyLeaf(LeafReaderContext leaf, IndexWriter writer) throws IOException {
    Bits live = leaf.reader().getLiveDocs();
    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      Episode episode = HitEpisodes.read(leaf.reader(), doc);
      if (episode != null) {
        writer.addDocument(toDocument(episode));
      }
    }
  }

  private static Document toDocument(Episode e) {
    Document doc = new Document();
    doc.add(new StoredField(SOURCE, Objects.requireNonNullElse(e.source(), "")));
    doc.add(new TextField(ALL, catchAll(e), Field.Store.NO));
    return doc;
  }

  private static String catchAll(Episode e) {
    Stream<String> people = e.people().stream().map(Person::name);
    Stream<String> cues = e.transcript().stream().map(Cue::text);
    Stream<String> fields = Stream.of(e.title(), e.podcast(), e.description(), e.text());
    return Stream.of(fields, people, e.tags().stream(), cues)
        .flatMap(s -> s)
        .filter(Objects::nonNull)
        .collect(Collectors.joining("\n"));
  }

  /** The sources of the top {@code k} episodes for a query, best first (OR of the query's words). */
  public List<String> search(String query, int k) {
    try {
      List<String> sources = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(parse(query), k).scoreDocs) {
        sources.add(stored.document(sd.doc).get(SOURCE));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query parse(String query) {
    try {
      return new QueryParser(ALL, analyzer).parse(QueryParser.escape(query));
    } catch (ParseException e) {
      return new MatchNoDocsQuery("unparseable: " + query);
    }
  }

  /** How many episodes the baseline holds. */
  public int size() {
    return reader.numDocs();
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
