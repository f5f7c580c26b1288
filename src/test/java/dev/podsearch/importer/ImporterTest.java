package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.episode.Episode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

  @TempDir
  Path dir;

  private final Importer importer = new Importer();

  private static final String TRANSCRIPT = "**Anna Bell:** Hello and welcome.\n\n**Bob Stone:** \\[00:12\\] Hi Anna.\n\n"
      + "**Anna Bell:** \\[01:02\\] Bye.\n";

  private SourceRef write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return new SourceRef(dir.toString(), name, p);
  }

  private ParseOutcome importFile(String name, byte[] bytes) throws IOException {
    return importer.parse(importer.load(write(name, bytes)));
  }

  private ParseOutcome importFile(String name, String text) throws IOException {
    return importFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void loadHashesTheParserVersionAndTheBytes() throws IOException {
    SourceContent c = importer.load(write("a.md", "hello".getBytes(StandardCharsets.UTF_8)));
    String expected = Ids.sha256(("podsearch-parsers-" + Importer.PARSER_VERSION + "\0hello").getBytes(StandardCharsets.UTF_8));
    assertThat(c.hash()).isEqualTo(expected);
    assertThat(c.bytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
    assertThat(importer.load(write("b.md", "hello!".getBytes(StandardCharsets.UTF_8))).hash()).isNotEqualTo(c.hash());
  }

  @Test
  void episodesAreStampedWithTheirSourceAndContentHash() throws IOException {
    ParseOutcome o = importFile("gotime/go-time-7.md", TRANSCRIPT);
    String hash = importer.load(o.ref()).hash();
    assertThat(o).isInstanceOfSatisfying(ParseOutcome.Parsed.class, p -> {
      assertThat(p.format()).isEqualTo(Format.TEXT_TRANSCRIPT);
      Episode e = p.episodes().get(0);
      assertThat(e.source()).isEqualTo("gotime/go-time-7.md");
      assertThat(e.contentHash()).isEqualTo(hash);
    });
  }

  @Test
  void aByteOrderMarkIsIgnored() throws IOException {
    byte[] text = ("\uFEFF---\ntitle: With BOM\n---\nBody text.").getBytes(StandardCharsets.UTF_8);
    assertThat(importFile("bom.md", text)).isInstanceOfSatisfying(ParseOutcome.Parsed.class,
        p -> assertThat(p.episodes().get(0).title()).isEqualTo("With BOM"));
  }

  @Test
  void anEmptyOrBlankFileFails() throws IOException {
    assertThat(importFile("empty.md", "")).isInstanceOfSatisfying(ParseOutcome.Failed.class,
        f -> assertThat(f.message()).isEqualTo("empty.md: empty file"));
    assertThat(importFile("blank.txt", " \n\u00A0\n\t")).isInstanceOfSatisfying(ParseOutcome.Failed.class,
        f -> assertThat(f.reason()).isEqualTo("empty file"));
  }

  @Test
  void aBinaryFileFails() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    assertThat(importFile("cover.md", png)).isInstanceOfSatisfying(ParseOutcome.Failed.class,
        f -> assertThat(f.reason()).isEqualTo("binary file, not text"));
  }

  @Test
  void invalidUtf8FailsNamingTheLineOfTheFirstBadByte() throws IOException {
    byte[] latin1 = "---\ntitle: Caf\u00e9\n---\nok\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(importFile("latin1.md", latin1)).isInstanceOfSatisfying(ParseOutcome.Failed.class, f -> {
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.reason()).startsWith("not valid UTF-8").contains("0xE9");
      assertThat(f.message()).startsWith("latin1.md:2: ");
    });
  }

  @Test
  void malformedFrontMatterFailsWithItsLine() throws IOException {
    String md = "---\ntitle: Fine\ntags: [a, b\ndate: 2024-01-01\n---\nBody";
    assertThat(importFile("bad.md", md)).isInstanceOfSatisfying(ParseOutcome.Failed.class, f -> {
      assertThat(f.reason()).startsWith("malformed YAML front matter");
      assertThat(f.line()).isBetween(3, 5);
    });
  }

  @Test
  void truncatedHtmlGivesAClearOutcomeAndTheOtherSourcesStillParse() throws IOException {
    SourceRef broken = write("page.html", "<!DOCTYPE html><html><head><title>Ep 4</title></head><body><article><h1>Ep"
        .getBytes(StandardCharsets.UTF_8));
    SourceRef good = write("gotime/go-time-8.md", TRANSCRIPT.getBytes(StandardCharsets.UTF_8));
    List<ParseOutcome> outcomes = List.of(importer.parse(importer.load(broken)), importer.parse(importer.load(good)));
    assertThat(outcomes.get(0).ref()).isEqualTo(broken);
    if (outcomes.get(0) instanceof ParseOutcome.Failed f) {
      assertThat(f.reason()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(outcomes.get(1)).isInstanceOf(ParseOutcome.Parsed.class);
  }

  @Test
  void unknownTextIsSkippedWithAReason() throws IOException {
    assertThat(importFile("notes.txt", "just a shopping list\nmilk\neggs\n"))
        .isInstanceOfSatisfying(ParseOutcome.Skipped.class, s -> assertThat(s.reason()).contains("not a format"));
  }

  @Test
  void aParserBugBecomesAFailureWithoutAStackTrace() throws IOException {
    EpisodeParser broken = (source, warnings) -> {
      throw new IllegalStateException("index 3 out of bounds");
    };
    Importer buggy = new Importer(Map.of(Format.TEXT_TRANSCRIPT, broken));
    ParseOutcome o = buggy.parse(buggy.load(write("x/t-1.md", TRANSCRIPT.getBytes(StandardCharsets.UTF_8))));
    assertThat(o).isInstanceOfSatisfying(ParseOutcome.Failed.class,
        f -> assertThat(f.message()).isEqualTo("x/t-1.md: could not be parsed (index 3 out of bounds)"));
  }

  @Test
  void aFiftyMegabyteFileGetsAnOutcomeAndDoesNotStopOthers() throws IOException {
    Path big = dir.resolve("big.txt");
    try (Writer w = Files.newBufferedWriter(big)) {
      String line = "a line of plain words that is neither a listing nor a transcript nor markdown at all\n";
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length()) {
        w.write(line);
      }
    }
    ParseOutcome o = importer.parse(importer.load(new SourceRef(dir.toString(), "big.txt", big)));
    assertThat(o).isInstanceOf(ParseOutcome.Skipped.class);
    assertThat(importFile("gotime/go-time-9.md", TRANSCRIPT)).isInstanceOf(ParseOutcome.Parsed.class);
  }

  @Test
  void aFileOverTheSizeCapIsRefusedWhenLoaded() throws IOException {
    Path huge = dir.resolve("huge.md");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(Importer.MAX_SOURCE_BYTES + 1);
    }
    assertThatThrownBy(() -> importer.load(new SourceRef(dir.toString(), "huge.md", huge)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("huge.md")
        .hasMessageContaining("64 MB");
  }

  @Test
  void parsingInParallelGivesTheSameEpisodes() throws IOException {
    SourceContent content = importer.load(write("gotime/go-time-10.md", TRANSCRIPT.getBytes(StandardCharsets.UTF_8)));
    ParseOutcome.Parsed once = (ParseOutcome.Parsed) importer.parse(content);
    List<ParseOutcome> many = IntStream.range(0, 64).parallel().mapToObj(i -> importer.parse(content)).toList();
    assertThat(many).allSatisfy(o -> assertThat(((ParseOutcome.Parsed) o).episodes()).isEqualTo(once.episodes()));
  }

  private static final String NOTES = "---\ntitle: Rust at work\n---\n\n# Rust at work\n\nWe talk about Rust.\n";
  private static final String SRT = "1\n00:01:05,000 --> 00:01:09,000\nAda: Borrow checking is fun.\n";

  @Test
  void aTranscriptBesideAnEpisodeFileIsAttachedToIt() throws IOException {
    SourceRef md = write("042-rust.md", NOTES.getBytes(StandardCharsets.UTF_8));
    write("042-rust.srt", SRT.getBytes(StandardCharsets.UTF_8));

    ParseOutcome o = importer.parse(importer.load(md));

    assertThat(o).isInstanceOfSatisfying(ParseOutcome.Parsed.class, p -> {
      assertThat(p.format()).isEqualTo(Format.MARKDOWN);
      assertThat(p.episodes()).singleElement().satisfies(e -> {
        assertThat(e.title()).isEqualTo("Rust at work");
        assertThat(e.transcript()).containsExactly(new dev.podsearch.episode.Cue(65, 69, "Ada",
            "Borrow checking is fun."));
      });
    });
  }

  @Test
  void editingASidecarChangesTheHashOfItsEpisodeFile() throws IOException {
    SourceRef md = write("042-rust.md", NOTES.getBytes(StandardCharsets.UTF_8));
    String alone = importer.load(md).hash();
    Path srt = write("042-rust.srt", SRT.getBytes(StandardCharsets.UTF_8)).path();
    String withSidecar = importer.load(md).hash();
    Files.writeString(srt, SRT.replace("fun", "hard"));
    String edited = importer.load(md).hash();

    assertThat(withSidecar).isNotEqualTo(alone);
    assertThat(edited).isNotIn(alone, withSidecar);
    assertThat(importer.load(md).bytes()).asString(StandardCharsets.UTF_8).isEqualTo(NOTES);
  }

  @Test
  void aTranscriptWithNoEpisodeBesideItIsAnEpisodeOfItsOwn() throws IOException {
    ParseOutcome o = importFile("lone.srt", SRT);

    assertThat(o).isInstanceOfSatisfying(ParseOutcome.Parsed.class, p -> {
      assertThat(p.format()).isEqualTo(Format.SRT);
      assertThat(p.episodes()).singleElement().extracting(e -> e.transcript().size()).isEqualTo(1);
    });
  }
}
