package dev.podsearch.index;

import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the episode of a search hit without the whole-episode JSON: from {@link EpisodeSchema#HIT_JSON} (the episode
 * without notes and transcript), {@link EpisodeSchema#CUES} (cue times, speakers and lengths) and the stored notes
 * and transcript text.
 *
 * <p>Those fields are stored ahead of {@link EpisodeSchema#EPISODE_JSON}, so reading stops before it: for an
 * hour-long transcript that JSON is half the document, and decompressing and parsing it was a fifth of a search.
 */
public final class HitEpisodes {
  private HitEpisodes() {}

  /**
   * The episode of {@code doc} as stored in {@link EpisodeSchema#EPISODE_JSON} (blank notes read as null), or null when
   * the index predates the hit fields.
   */
  public static Episode read(StoredFields stored, int doc) throws IOException {
    Visitor visitor = new Visitor();
    stored.document(doc, visitor);
    if (visitor.hit == null) {
      return null;
    }
    Episode e = Json.read(visitor.hit, Episode.class);
    List<Cue> cues = visitor.cues == null ? List.of() : decodeCues(visitor.cues, visitor.transcript);
    return new Episode(
        e.id(), e.podcast(), e.title(), e.url(), e.published(), e.durationSeconds(), e.audioUrl(), e.season(),
        e.episodeNumber(), e.people(), e.tags(), e.description(), visitor.text, cues, e.chapters(), e.source(),
        e.contentHash());
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

  /** Collects the hit fields; stops at the whole-episode JSON, which toDocument stores after all of them. */
  private static final class Visitor extends StoredFieldVisitor {
    String hit;
    BytesRef cues;
    String text;
    String transcript;

    @Override
    public Status needsField(FieldInfo field) {
      return switch (field.name) {
        case EpisodeSchema.HIT_JSON, EpisodeSchema.CUES, EpisodeSchema.TEXT, EpisodeSchema.TRANSCRIPT -> Status.YES;
        case EpisodeSchema.EPISODE_JSON -> Status.STOP;
        default -> Status.NO;
      };
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      switch (field.name) {
        case EpisodeSchema.HIT_JSON -> hit = value;
        case EpisodeSchema.TEXT -> text = value;
        case EpisodeSchema.TRANSCRIPT -> transcript = value;
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
