package dev.podsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What an index holds, for {@code podsearch stats}: counts of episodes, sources, formats, podcasts, tags and cues.
 *
 * @param podcasts every podcast with its episode count, most episodes first
 * @param tags every tag with its episode count, most episodes first
 * @param formats episodes per source format
 * @param lastCommit when the last reindex committed
 */
public record IndexStats(
    long episodes,
    long sources,
    long transcripts,
    long cues,
    List<LabelCount> podcasts,
    List<LabelCount> tags,
    Map<String, Long> formats,
    long sizeBytes,
    Instant lastCommit,
    Map<String, String> commitData) {

  /** A facet label with its episode count. */
  public record LabelCount(String label, long count) {}

  /** True when {@code dir} holds a committed index. */
  public static boolean exists(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  /** Reads the statistics of the last commit in {@code dir}; check {@link #exists} first. */
  public static IndexStats read(Path dir) throws IOException {
    try (Directory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      long[] transcriptsAndCues = cues(reader);
      Map<String, String> data = reader.getIndexCommit().getUserData();
      return new IndexStats(
          reader.numDocs(),
          liveTerms(reader, EpisodeSchema.SOURCE_KEY).size(),
          transcriptsAndCues[0],
          transcriptsAndCues[1],
          facet(reader, EpisodeSchema.FACET_PODCAST),
          facet(reader, EpisodeSchema.FACET_TAG),
          liveTerms(reader, EpisodeSchema.FORMAT),
          size(dir),
          lastCommit(dir, reader, data),
          data);
    }
  }

  // Episodes with at least one cue, and the number of cues, summed from doc values rather than stored JSON.
  private static long[] cues(DirectoryReader reader) throws IOException {
    long transcripts = 0;
    long cues = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues values = leaf.reader().getNumericDocValues(EpisodeSchema.CUE_COUNT);
      Bits live = leaf.reader().getLiveDocs();
      if (values == null) {
        continue;
      }
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        if ((live == null || live.get(doc)) && values.longValue() > 0) {
          transcripts++;
          cues += values.longValue();
        }
      }
    }
    return new long[] {transcripts, cues};
  }

  // Each term of a field with the number of live documents that have it.
  private static Map<String, Long> liveTerms(DirectoryReader reader, String field) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return counts;
    }
    Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
    TermsEnum term = terms.iterator();
    PostingsEnum docs = null;
    for (BytesRef bytes = term.next(); bytes != null; bytes = term.next()) {
      docs = term.postings(docs, PostingsEnum.NONE);
      long n = 0;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          n++;
        }
      }
      if (n > 0) {
        counts.put(bytes.utf8ToString(), n);
      }
    }
    return counts;
  }

  private static List<LabelCount> facet(DirectoryReader reader, String dim) throws IOException {
    List<LabelCount> counts = new ArrayList<>();
    try {
      Facets facets = new SortedSetDocValuesFacetCounts(
          new DefaultSortedSetDocValuesReaderState(reader, EpisodeSchema.facetsConfig()));
      FacetResult result = facets.getAllChildren(dim);
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          counts.add(new LabelCount(lv.label, lv.value.longValue()));
        }
      }
    } catch (IllegalArgumentException noFacetsIndexed) {
      // An empty index, or one whose episodes have no facet values at all: nothing to count.
    }
    counts.sort(Comparator.comparingLong(LabelCount::count).reversed().thenComparing(LabelCount::label));
    return counts;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(IndexStats::sizeOf).sum();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException goneDuringAMerge) {
      return 0;
    }
  }

  private static Instant lastCommit(Path dir, DirectoryReader reader, Map<String, String> data) throws IOException {
    String committed = data.get(IndexUpdater.COMMITTED_AT);
    if (committed != null) {
      return Instant.parse(committed);
    }
    FileTime time = Files.getLastModifiedTime(dir.resolve(reader.getIndexCommit().getSegmentsFileName()));
    return time.toInstant();
  }
}
