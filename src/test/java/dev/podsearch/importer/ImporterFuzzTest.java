package dev.podsearch.importer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.importer.FuzzSeeds.Seed;
import dev.podsearch.importer.Mutations.Mutant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes a source holds, {@link Importer#parse} answers Parsed, Skipped or Failed, quickly: mutated seeds of
 * every format (insertions, deletions, truncation, random bytes, repeated slices, deep nesting, huge words).
 *
 * <p>A parser bug surfaces as a Failed outcome with the importer's catch-all reason ("could not be parsed (...)"), so
 * the properties also demand that parsers fail with their own words. The one-second bound is a correctness check for
 * pathological inputs (a regex that backtracks, a quadratic loop), measured as the thread's CPU time so that it holds
 * on a busy machine.
 */
class ImporterFuzzTest {
  static final Duration BOUND = Duration.ofSeconds(1);
  private static final Importer IMPORTER = new Importer();
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  @Property(tries = 250)
  void htmlPages(@ForAll("htmlPage") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.HTML_PAGE, mutant.bytes());
  }

  @Property(tries = 150)
  void htmlListings(@ForAll("htmlListing") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.HTML_LISTING, mutant.bytes());
  }

  @Property(tries = 250)
  void rssFeeds(@ForAll("rss") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.RSS, mutant.bytes());
  }

  @Property(tries = 150)
  void atomFeeds(@ForAll("atom") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.ATOM, mutant.bytes());
  }

  @Property(tries = 250)
  void srtTranscripts(@ForAll("srt") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.SRT, mutant.bytes());
  }

  @Property(tries = 250)
  void webVttTranscripts(@ForAll("webvtt") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.WEBVTT, mutant.bytes());
  }

  @Property(tries = 250)
  void jsonTranscripts(@ForAll("json") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.JSON_TRANSCRIPT, mutant.bytes());
  }

  @Property(tries = 200)
  void htmlTranscripts(@ForAll("htmlTranscript") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.HTML_TRANSCRIPT, mutant.bytes());
  }

  @Property(tries = 300)
  void markdownWithFrontMatter(@ForAll("markdown") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.MARKDOWN, mutant.bytes());
  }

  @Property(tries = 200)
  void textTranscripts(@ForAll("textTranscript") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.TEXT_TRANSCRIPT, mutant.bytes());
  }

  @Property(tries = 150)
  void listingText(@ForAll("listing") Mutant mutant) {
    assertParsesCleanly(FuzzSeeds.LISTING_TEXT, mutant.bytes());
  }

  /** Random text under every seed's file name: each format's detector and parser get nonsense too. */
  @Property(tries = 300)
  void randomText(@ForAll("anySeed") Seed seed, @ForAll("randomText") String text) {
    assertParsesCleanly(seed, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One format's start, then deep nesting of another's openers: recursion must not escape as an error. */
  @Property(tries = 150)
  void deepNesting(@ForAll("anySeed") Seed seed, @ForAll("nester") String opener) {
    String head = seed.text().substring(0, Math.min(seed.text().length(), 200));
    String text = head + opener.repeat(20_000 / opener.length() + 1) + seed.text();
    assertParsesCleanly(seed, text.getBytes(StandardCharsets.UTF_8));
  }

  // Reproductions of what the fuzzer found; each took seconds (or overflowed the stack) before its fix.

  @Example
  void markdownParagraphOfOneLongWordIsLinear() {
    assertParsesCleanly(FuzzSeeds.MARKDOWN, ("---\ntitle: x\n---\nbody " + "w".repeat(40_000)).getBytes(UTF_8));
  }

  @Example
  void markdownWithThousandsOfUnclosedTemplateTagsAndCommentsIsLinear() {
    for (String opener : List.of("{{", "{%", "{/*", "{{<", "<", "<a ")) {
      assertParsesCleanly(FuzzSeeds.MARKDOWN, ("---\ntitle: x\n---\nbody " + opener.repeat(10_000)).getBytes(UTF_8));
    }
  }

  @Example
  void markdownNestedTooDeeplyFailsWithItsOwnReason() {
    // Deep enough to overflow the stack however much of the renderer the JIT has compiled (3,000 levels did only
    // while it was interpreted).
    ParseOutcome outcome = assertParsesCleanly(FuzzSeeds.SRT, ("- ".repeat(40_000) + "x\n").getBytes(UTF_8));

    assertThat(outcome).isInstanceOf(ParseOutcome.Failed.class);
    assertThat(((ParseOutcome.Failed) outcome).reason()).contains("nested too deeply");
  }

  @Example
  void webVttCueWithThousandsOfUnclosedTagsIsLinear() {
    String vtt = "WEBVTT\n\n00:00.500 --> 00:03.250\n<v A>hi " + "<!--".repeat(10_000);
    assertThat(assertParsesCleanly(FuzzSeeds.WEBVTT, vtt.getBytes(UTF_8))).isInstanceOf(ParseOutcome.Parsed.class);
  }

  @Example
  void textTranscriptLineOfThousandsOfBracketsIsLinear() {
    String text = "**Ann Host:** Welcome back. \\[00:01\\]\n\n" + "[".repeat(20_000);
    assertThat(assertParsesCleanly(FuzzSeeds.TEXT_TRANSCRIPT, text.getBytes(UTF_8))).isInstanceOf(ParseOutcome.Parsed.class);
  }

  @Example
  void htmlNestedThousandsDeepIsLinear() {
    String html = "<html><head><title>T</title></head><body><main>\n<article><h2><a href=\"/ep-11\">"
        + "<b><i>".repeat(5_000) + "Ep 11: Caches</a></h2></article></main></body></html>";
    assertParsesCleanly(FuzzSeeds.HTML_LISTING, html.getBytes(UTF_8));
  }

  @Example
  void htmlTranscriptWithUnclosedTimesIsLinear() {
    String page = "<html><body>\n<cite>Ann:</cite><time>0:00</time><p>Welcome.</p>\n"
        + "<cite>Bo:</cite><time>1:02</xx time><p>Back-pressure.</p>\n</body></html>\n";
    assertParsesCleanly(FuzzSeeds.HTML_TRANSCRIPT, page.repeat(600).getBytes(UTF_8));
  }

  @Example
  void feedWithThousandsOfDeclarationsCommentsAndDoctypesBeforeItsRootIsRead() {
    for (String prologue : List.of("<?xml ?>\n", "<!-- c -->", " <!DOCTYPE x>")) {
      String feed = prologue.repeat(3_000) + FuzzSeeds.RSS.text(); // detection reads the first 64 KB
      assertThat(assertParsesCleanly(FuzzSeeds.RSS, feed.getBytes(UTF_8))).isInstanceOf(ParseOutcome.Parsed.class);
    }
  }

  @Example
  void feedDurationOfThousandsOfUnitsIsNotADuration() {
    String feed = FuzzSeeds.RSS.text().replace("52:10", "1m ".repeat(20_000));
    assertThat(assertParsesCleanly(FuzzSeeds.RSS, feed.getBytes(UTF_8))).isInstanceOf(ParseOutcome.Parsed.class);
  }

  @Example
  void htmlListingThatBreaksJsoupIsNotAParserBug() {
    // Read again without its links, the listing names no episodes: skipped or failed, in the importer's own words.
    assertParsesCleanly(FuzzSeeds.HTML_LISTING, HtmlDocumentsTest.BREAKS_JSOUP.getBytes(UTF_8));
  }

  @Example
  void markdownChapterLineOfThousandsOfUnclosedBracketsIsLinear() {
    String md = FuzzSeeds.MARKDOWN.text().replace("Wrap-up", "[<![CDATA[".repeat(6_000) + "Wrap-up");
    assertThat(assertParsesCleanly(FuzzSeeds.MARKDOWN, md.getBytes(UTF_8))).isInstanceOf(ParseOutcome.Parsed.class);
  }

  static ParseOutcome assertParsesCleanly(Seed seed, byte[] bytes) {
    SourceRef ref = new SourceRef("/fuzz", seed.fileName(), null);
    // CPU time of this thread, not wall time: other builds on a shared machine must not make a parse look slow.
    long start = CPU.getCurrentThreadCpuTime();
    ParseOutcome outcome = IMPORTER.parse(new SourceContent(ref, bytes, "h"));
    Duration took = Duration.ofNanos(CPU.getCurrentThreadCpuTime() - start);

    assertThat(took).as("parse time of a %d-byte %s", bytes.length, seed.fileName()).isLessThan(BOUND);
    assertThat(outcome).isNotNull();
    assertThat(outcome.ref()).isEqualTo(ref);
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      assertThat(parsed.episodes()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.id()).isNotBlank();
        assertThat(e.source()).isEqualTo(seed.fileName());
      });
    } else if (outcome instanceof ParseOutcome.Failed failed) {
      assertThat(failed.reason()).isNotBlank().as("a parser bug caught by the importer").doesNotStartWith("could not be parsed (");
    } else if (outcome instanceof ParseOutcome.Skipped skipped) {
      assertThat(skipped.reason()).isNotBlank();
    }
    return outcome;
  }

  @Provide
  Arbitrary<Mutant> htmlPage() {
    return Mutations.of(FuzzSeeds.HTML_PAGE.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> htmlListing() {
    return Mutations.of(FuzzSeeds.HTML_LISTING.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> rss() {
    return Mutations.of(FuzzSeeds.RSS.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> atom() {
    return Mutations.of(FuzzSeeds.ATOM.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> srt() {
    return Mutations.of(FuzzSeeds.SRT.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> webvtt() {
    return Mutations.of(FuzzSeeds.WEBVTT.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> json() {
    return Mutations.of(FuzzSeeds.JSON_TRANSCRIPT.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> htmlTranscript() {
    return Mutations.of(FuzzSeeds.HTML_TRANSCRIPT.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> markdown() {
    return Mutations.of(FuzzSeeds.MARKDOWN.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> textTranscript() {
    return Mutations.of(FuzzSeeds.TEXT_TRANSCRIPT.text(), 6);
  }

  @Provide
  Arbitrary<Mutant> listing() {
    return Mutations.of(FuzzSeeds.LISTING_TEXT.text(), 6);
  }

  @Provide
  Arbitrary<Seed> anySeed() {
    return Arbitraries.of(FuzzSeeds.ALL);
  }

  @Provide
  Arbitrary<String> randomText() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(Mutations.TOKENS), Arbitraries.strings().all().ofMaxLength(20));
    return piece.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> nester() {
    return Arbitraries.of(Mutations.NESTERS);
  }
}
