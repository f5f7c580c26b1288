package dev.podsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A reader whose norms (each field's length per document, which BM25 reads for every document it scores) are read
 * once per segment into arrays. Ranking reads them for seven fields, twice, per query word and matching episode; read
 * through the codec (a sparse field's norms go through a skip index) that was an eighth of a search. A byte and a bit
 * per document and field; the values are the codec's, so scores are unchanged.
 */
final class InMemoryNorms extends FilterDirectoryReader {
  private InMemoryNorms(DirectoryReader in) throws IOException {
    super(in, new SubReaderWrapper() {
      @Override
      public LeafReader wrap(LeafReader reader) {
        return new Leaf(reader);
      }
    });
  }

  /** {@code reader} with its norms in memory; reopening it keeps them so (each new segment read once). */
  static DirectoryReader wrap(DirectoryReader reader) throws IOException {
    return new InMemoryNorms(reader);
  }

  @Override
  protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
    return new InMemoryNorms(in);
  }

  // the same documents and values as the wrapped reader: caches keyed on it stay valid
  @Override
  public CacheHelper getReaderCacheHelper() {
    return in.getReaderCacheHelper();
  }

  private static final class Leaf extends FilterLeafReader {
    private final ConcurrentHashMap<String, Optional<Norms>> norms = new ConcurrentHashMap<>();

    Leaf(LeafReader in) {
      super(in);
    }

    @Override
    public NumericDocValues getNormValues(String field) throws IOException {
      try {
        Optional<Norms> cached = norms.computeIfAbsent(field, f -> {
          try {
            return Optional.ofNullable(Norms.read(in, f));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        return cached.isPresent() ? cached.get().iterator() : in.getNormValues(field);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return in.getReaderCacheHelper();
    }
  }

  /** One field's norms: a byte per document, and which documents have one. */
  record Norms(byte[] values, FixedBitSet present) {
    /** The field's norms, or null when it has none or a value does not fit a byte (then they are read as stored). */
    static Norms read(LeafReader reader, String field) throws IOException {
      NumericDocValues stored = reader.getNormValues(field);
      if (stored == null) {
        return null;
      }
      byte[] values = new byte[reader.maxDoc()];
      FixedBitSet present = new FixedBitSet(reader.maxDoc());
      for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
        long v = stored.longValue();
        if (v != (byte) v) {
          return null;
        }
        values[doc] = (byte) v;
        present.set(doc);
      }
      return new Norms(values, present);
    }

    NumericDocValues iterator() {
      return new NumericDocValues() {
        private int doc = -1;

        @Override
        public long longValue() {
          return values[doc];
        }

        @Override
        public boolean advanceExact(int target) {
          doc = target;
          return present.get(target);
        }

        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
          int next = target >= values.length ? NO_MORE_DOCS : present.nextSetBit(target);
          doc = next == DocIdSetIterator.NO_MORE_DOCS ? NO_MORE_DOCS : next;
          return doc;
        }

        @Override
        public long cost() {
          return present.cardinality();
        }
      };
    }
  }
}
