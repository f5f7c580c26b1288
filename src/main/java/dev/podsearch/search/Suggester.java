package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.EpisodeSearcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Typeahead over titles, people, tags and podcasts: every word start of every entry in one sorted array, so a
 * completion is two binary searches and a short scan. Built once per reader (see {@link EpisodeSearcher#cached}).
 */
final class Suggester {
  static final int MAX_LIMIT = 10;
  /** A one-letter prefix can match most keys; looking at this many keeps every call fast. */
  static final int MAX_SCAN = 20_000;
  private static final Analyzer NORMALIZER = EpisodeSchema.exactAnalyzer();
  /** Kinds in the order they are offered when otherwise equal. */
  private static final List<String> KINDS = List.of("podcast", "person", "tag", "title");

  record Entry(String text, String kind, long count) {}

  private final List<Entry> entries;
  /** Normalised text from a word start to the end, sorted; {@code owner[i]} is the entry of {@code keys[i]}. */
  private final String[] keys;
  private final int[] owner;
  private final boolean[] atStart;

  private Suggester(List<Entry> entries) {
    this.entries = entries;
    List<Object[]> rows = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      String norm = normalize(entries.get(e).text());
      for (int i = 0; i < norm.length(); i++) {
        boolean wordStart = Character.isLetterOrDigit(norm.charAt(i))
            && (i == 0 || !Character.isLetterOrDigit(norm.charAt(i - 1)));
        if (wordStart) {
          rows.add(new Object[] {norm.substring(i), e, i == 0});
        }
      }
    }
    rows.sort(Comparator.comparing(r -> (String) r[0]));
    keys = new String[rows.size()];
    owner = new int[rows.size()];
    atStart = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      keys[i] = (String) rows.get(i)[0];
      owner[i] = (Integer) rows.get(i)[1];
      atStart[i] = (Boolean) rows.get(i)[2];
    }
  }

  /** Reads the suggestions of one reader: facet values with their counts, and every title. */
  static Suggester build(EpisodeSearcher searcher) {
    try {
      List<Entry> entries = new ArrayList<>();
      addValues(entries, searcher, EpisodeSchema.FACET_PODCAST, "podcast");
      addValues(entries, searcher, EpisodeSchema.FACET_PERSON, "person");
      addValues(entries, searcher, EpisodeSchema.FACET_TAG, "tag");
      for (String title : titles(searcher)) {
        entries.add(new Entry(title, "title", 1));
      }
      return new Suggester(List.copyOf(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to {@code limit} completions of {@code prefix}: whole-entry starts first, then by count, kind and length. */
  List<Suggestion> suggest(String prefix, int limit) {
    String p = normalize(prefix == null ? "" : prefix).stripLeading();
    if (p.isBlank() || limit <= 0) {
      return List.of();
    }
    int from = lowerBound(p);
    Map<Integer, int[]> found = new LinkedHashMap<>(); // entry -> {entry, matches at its start}
    int end = Math.min(keys.length, from + MAX_SCAN);
    for (int i = from; i < end && keys[i].startsWith(p); i++) {
      int[] f = found.computeIfAbsent(owner[i], e -> new int[] {e, 0});
      f[1] |= atStart[i] ? 1 : 0;
    }
    return found.values().stream()
        .sorted(ranking())
        .limit(Math.min(limit, MAX_LIMIT))
        .map(f -> new Suggestion(entries.get(f[0]).text(), entries.get(f[0]).kind()))
        .toList();
  }

  private Comparator<int[]> ranking() {
    return Comparator.comparingInt((int[] f) -> -f[1])
        .thenComparingLong(f -> -entries.get(f[0]).count())
        .thenComparingInt(f -> KINDS.indexOf(entries.get(f[0]).kind()))
        .thenComparingInt(f -> entries.get(f[0]).text().length())
        .thenComparing(f -> entries.get(f[0]).text());
  }

  private int lowerBound(String p) {
    int i = Arrays.binarySearch(keys, p);
    return i >= 0 ? i : -i - 1;
  }

  private static String normalize(String text) {
    return NORMALIZER.normalize(EpisodeSchema.TITLE + EpisodeSchema.EXACT, text).utf8ToString();
  }

  private static void addValues(List<Entry> entries, EpisodeSearcher s, String dim, String kind) throws IOException {
    for (TagCount v : FacetedSearch.allValues(s, dim)) {
      entries.add(new Entry(v.tag(), kind, v.count()));
    }
  }

  /** Every live episode's title, from its stored title field: reading stops there, before the big fields. */
  private static List<String> titles(EpisodeSearcher searcher) throws IOException {
    Set<String> titles = new LinkedHashSet<>();
    for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
      LeafReader leaf = ctx.reader();
      Bits live = leaf.getLiveDocs();
      StoredFields stored = leaf.storedFields();
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        TitleVisitor visitor = new TitleVisitor();
        stored.document(doc, visitor);
        if (visitor.title != null && !visitor.title.isBlank()) {
          titles.add(visitor.title.strip());
        }
      }
    }
    return new ArrayList<>(titles);
  }

  /** Takes the first stored title and stops reading the document. */
  private static final class TitleVisitor extends StoredFieldVisitor {
    String title;

    @Override
    public Status needsField(FieldInfo field) {
      if (title != null) {
        return Status.STOP;
      }
      return field.name.equals(EpisodeSchema.TITLE) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      title = value;
    }
  }
}
