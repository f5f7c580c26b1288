package dev.podsearch.index;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Reads an episode back from the index: {@link EpisodeSchema#HIT_JSON} (the episode without notes and transcript) and
 * {@link EpisodeSchema#CUES} (cue times, speakers and lengths) from stored fields, the notes and transcript text from
 * binary doc values ({@link EpisodeSchema#TEXT_VALUE}, {@link EpisodeSchema#TRANSCRIPT_VALUE}).
 *
 * <p>The texts are most of an episode's bytes. Kept out of the compressed stored fields, they are read without
 * decompressing anything: decompressing them (and a whole-episode JSON that repeated them) was a third of a search.
 * Indexes written before keep their texts stored, and are still read.
 */
public final class HitEpisodes {
  private HitEpisodes() {}

  /**
   * The episode of {@code doc} (an id in {@code reader}) as it was indexed (blank notes read as null), or null when the
   * document is not an episode.
   */
  public static Episode read(IndexReader reader, int doc) throws IOException {
    return read(reader, doc, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * The episodes of a page of search hits, keyed by doc in the order of {@code docs} (null for a document that is not
   * an episode): as {@link #read(IndexReader, int)}, but in an episode with a transcript, notes of more than {@code
   * longNotes} UTF-8 bytes are cut to their first {@code keep} characters. Such notes write the transcript out again;
   * a hit shows moments of the transcript instead, and decoding (then highlighting) them was a fifth of a search.
   */
  public static Map<Integer, Episode> readHits(IndexReader reader, int[] docs, int longNotes, int keep)
      throws IOException {
    // in doc order, so that one doc-values reader per segment and field serves the whole page (see Texts)
    int[] ascending = Arrays.stream(docs).distinct().sorted().toArray();
    Texts texts = new Texts();
    Map<Integer, Episode> read = new HashMap<>();
    for (int doc : ascending) {
      read.put(doc, read(reader, doc, longNotes, keep, texts));
    }
    Map<Integer, Episode> out = new LinkedHashMap<>();
    for (int doc : docs) {
      out.put(doc, read.get(doc));
    }
    return out;
  }

  private static Episode read(IndexReader reader, int doc, int longNotes, int keep) throws IOException {
    return read(reader, doc, longNotes, keep, new Texts());
  }

  private static Episode read(IndexReader reader, int doc, int longNotes, int keep, Texts texts) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    Visitor visitor = new Visitor();
    leaf.reader().storedFields().document(local, visitor);
    if (visitor.hit == null) {
      return visitor.episodeJson == null ? null : Json.read(visitor.episodeJson, Episode.class);
    }
    BinaryDocValues notes = texts.of(leaf, EpisodeSchema.TEXT_VALUE);
    String text = visitor.cues == null
        ? value(notes, local, visitor.text, Integer.MAX_VALUE, 0)
        : value(notes, local, visitor.text, longNotes, keep);
    String transcript =
        value(texts.of(leaf, EpisodeSchema.TRANSCRIPT_VALUE), local, visitor.transcript, Integer.MAX_VALUE, 0);
    Episode e = Json.read(visitor.hit, Episode.class);
    List<Cue> cues = visitor.cues == null ? List.of() : decodeCues(visitor.cues, transcript);
    return new Episode(
        e.id(), e.podcast(), e.title(), e.url(), e.published(), e.durationSeconds(), e.audioUrl(), e.season(),
        e.episodeNumber(), e.people(), e.tags(), e.description(), text, cues, e.chapters(), e.source(),
        e.contentHash());
  }

  /**
   * The binary doc values of the segment being read, one per field, reused while documents come in increasing order.
   * Each new one holds a buffer as long as the segment's longest value (a whole transcript): taken anew for every
   * hit and field, they were a seventh of a search's allocations.
   */
  private static final class Texts {
    private LeafReaderContext leaf;
    private final Map<String, BinaryDocValues> values = new HashMap<>();

    BinaryDocValues of(LeafReaderContext context, String field) throws IOException {
      if (context != leaf) {
        leaf = context;
        values.clear();
      }
      BinaryDocValues v = values.get(field);
      if (v == null && !values.containsKey(field)) {
        v = context.reader().getBinaryDocValues(field);
        values.put(field, v);
      }
      return v;
    }
  }

  /**
   * A text from binary doc values (else as an older index stored it, {@code stored}, possibly null); one of more than
   * {@code longer} bytes cut to its first {@code keep} characters.
   */
  private static String value(BinaryDocValues values, int doc, String stored, int longer, int keep)
      throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return stored == null || stored.length() <= longer ? stored : stored.substring(0, Math.min(keep, stored.length()));
    }
    BytesRef bytes = values.binaryValue();
    if (bytes.length <= longer) {
      return utf8(bytes.bytes, bytes.offset, bytes.length);
    }
    int max = keep;
    // a UTF-8 character is at most 4 bytes: decode just enough, then cut at a character
    int end = bytes.offset + (int) Math.min(bytes.length, 4L * max);
    while (end < bytes.offset + bytes.length && (bytes.bytes[end] & 0xC0) == 0x80) {
      end++;
    }
    String head = utf8(bytes.bytes, bytes.offset, end - bytes.offset);
    return head.length() <= max ? head : head.substring(0, max);
  }

  /**
   * The JDK's decoder, not {@link BytesRef#utf8ToString}: it copies ASCII runs straight into a compact string, where
   * Lucene's goes through a char array and compacts it after; decoding hits' transcripts was a tenth of a search.
   * Both read the UTF-8 Lucene wrote alike (it encodes an unpaired surrogate as U+FFFD, one character either way).
   */
  private static String utf8(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /** What {@link EpisodeSchema#HIT_JSON} holds: the episode without notes text and transcript. */
  static String hitJson(Episode e) {
    Episode light =
        new Episode(
            e.id(), e.podcast(), e.title(), e.url(), e.published(), e.durationSeconds(), e.audioUrl(), e.season(),
            e.episodeNumber(), e.people(), e.tags(), e.description(), null, List.of(), e.chapters(), e.source(),
            e.contentHash());
    return Json.write(light);
  }

  /**
   * The cues without their text, which is the stored transcript: times (whole milliseconds when exact, else the
   * double's bits), speaker (an index into a table) and text length.
   */
  static BytesRef encodeCues(List<Cue> cues) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      Map<String, Integer> speakers = new LinkedHashMap<>();
      cues.stream().map(Cue::speaker).filter(s -> s != null).forEach(s -> speakers.putIfAbsent(s, speakers.size()));
      out.writeVInt(speakers.size());
      for (String s : speakers.keySet()) {
        out.writeString(s);
      }
      out.writeVInt(cues.size());
      for (Cue c : cues) {
        writeSeconds(out, c.start());
        writeSeconds(out, c.end());
        out.writeVInt(c.speaker() == null ? 0 : speakers.get(c.speaker()) + 1);
        out.writeVInt(c.text().length());
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  /** The cues encoded by {@link #encodeCues}, their texts cut from {@code transcript} (cue texts joined by newlines). */
  static List<Cue> decodeCues(BytesRef bytes, String transcript) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    String[] speakers = new String[in.readVInt()];
    for (int i = 0; i < speakers.length; i++) {
      speakers[i] = in.readString();
    }
    int n = in.readVInt();
    List<Cue> cues = new ArrayList<>(n);
    String text = transcript == null ? "" : transcript;
    int offset = 0;
    for (int i = 0; i < n; i++) {
      double start = readSeconds(in);
      double end = readSeconds(in);
      int speaker = in.readVInt();
      int length = in.readVInt();
      int to = Math.min(text.length(), offset + length);
      cues.add(new Cue(start, end, speaker == 0 ? null : speakers[speaker - 1], text.substring(Math.min(offset, to), to)));
      offset += length + 1;
    }
    return cues;
  }

  // Most times are whole milliseconds: a short vlong (low bit 0); any other double keeps its exact bits (low bit 1).
  private static void writeSeconds(ByteBuffersDataOutput out, double seconds) throws IOException {
    long millis = Math.round(seconds * 1000);
    if (millis >= 0 && millis < (1L << 52) && millis / 1000.0 == seconds) {
      out.writeVLong(millis << 1);
    } else {
      out.writeVLong(1);
      out.writeLong(Double.doubleToRawLongBits(seconds));
    }
  }

  private static double readSeconds(ByteArrayDataInput in) {
    long v = in.readVLong();
    return (v & 1) == 0 ? (v >>> 1) / 1000.0 : Double.longBitsToDouble(in.readLong());
  }

  /**
   * Collects the hit fields (and, from older indexes, the stored texts); stops at the whole-episode JSON that older
   * indexes stored last, unless there were no hit fields before it (older still).
   */
  private static final class Visitor extends StoredFieldVisitor {
    String hit;
    String episodeJson;
    BytesRef cues;
    String text;
    String transcript;

    @Override
    public Status needsField(FieldInfo field) {
      return switch (field.name) {
        case EpisodeSchema.HIT_JSON, EpisodeSchema.CUES, EpisodeSchema.TEXT, EpisodeSchema.TRANSCRIPT -> Status.YES;
        case EpisodeSchema.EPISODE_JSON -> hit == null ? Status.YES : Status.STOP;
        default -> Status.NO;
      };
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      switch (field.name) {
        case EpisodeSchema.HIT_JSON -> hit = value;
        case EpisodeSchema.TEXT -> text = value;
        case EpisodeSchema.TRANSCRIPT -> transcript = value;
        case EpisodeSchema.EPISODE_JSON -> episodeJson = value;
        default -> { }
      }
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) {
      if (field.name.equals(EpisodeSchema.CUES)) {
        cues = new BytesRef(value);
      }
    }
  }
}
