package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

  private static Optional<Format> detect(String text, String name) {
    return FormatDetector.detect(text, name);
  }

  @Test
  void feedsAreKnownByTheirRootElementAfterBlankLinesDeclarationsAndComments() {
    assertThat(detect("\n\n  <?xml version=\"1.0\"?>\n<!-- generated -->\n<rss version=\"2.0\"><channel/></rss>", "a.xml"))
        .contains(Format.FEED);
    assertThat(detect("<?xml version=\"1.0\"?><?xml-stylesheet href=\"x.xsl\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "atom")).contains(Format.FEED);
    assertThat(detect("<rdf:RDF xmlns:rdf=\"x\"><channel/></rdf:RDF>", "feed.rdf")).contains(Format.FEED);
  }

  @Test
  void xmlThatIsNoFeedIsNotAFeed() {
    assertThat(detect("<?xml version=\"1.0\"?><urlset><url/></urlset>", "sitemap.xml")).isEmpty();
  }

  @Test
  void srtStartsWithACueNumberAndATimeRange() {
    assertThat(detect("1\n00:00:01,000 --> 00:00:02,500\nHello\n", "x.txt")).contains(Format.SRT);
    assertThat(detect("\n1\r\n00:00:01.000 --> 00:00:02.500\nHello\n", "x")).contains(Format.SRT);
  }

  @Test
  void webVttStartsWithItsMagicWord() {
    assertThat(detect("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Sarah>Hi", "a.txt")).contains(Format.WEBVTT);
  }

  @Test
  void jsonIsATranscriptOnlyWithASegmentsArray() {
    assertThat(detect("{\"version\":\"1.0.0\",\"segments\": [{\"startTime\":0}]}", "t.json"))
        .contains(Format.JSON_TRANSCRIPT);
    assertThat(detect("[{\"uri\":\"https://x\"}]", "list.json")).isEmpty();
  }

  @Test
  void htmlMadeOfCiteTimeAndParagraphsIsATranscript() {
    String transcript = "<cite>Travis:</cite>\n<time>0:00</time>\n<p>Hello there</p>\n"
        + "<cite>Sam:</cite>\n<time>0:07</time>\n<p>Hi</p>\n";
    assertThat(detect(transcript, "t.html")).contains(Format.HTML_TRANSCRIPT);
    assertThat(detect("<html><body>" + transcript + "</body></html>", "t")).contains(Format.HTML_TRANSCRIPT);
  }

  @Test
  void anyOtherHtmlIsAPage() {
    String page = "<!DOCTYPE html><html><head><title>Ep 1</title></head><body><nav><ul><li><a href=/>Home</a></li>"
        + "</ul></nav><article><h1>Ep 1</h1><time datetime=\"2024-01-01\">Jan 1</time><p>Notes</p><div>x</div>"
        + "<time>b</time></article></body></html>";
    assertThat(detect(page, "index.html")).contains(Format.HTML);
    assertThat(detect("<!-- saved --><html><body><p>x</p></body></html>", "page")).contains(Format.HTML);
  }

  @Test
  void frontMatterMakesMarkdownWhateverTheExtension() {
    assertThat(detect("---\ntitle: Hello\n---\n\nBody", "notes.txt")).contains(Format.MARKDOWN);
    assertThat(detect("+++\ntitle = \"Hello\"\n+++\nBody", "post")).contains(Format.MARKDOWN);
    assertThat(detect("---\ntitle: Hello\n---\n**Anna:** hi\n**Bob:** hi\n**Anna:** bye", "x.md"))
        .contains(Format.MARKDOWN);
  }

  @Test
  void markdownWithoutFrontMatterNeedsItsExtensionOrMarkup() {
    assertThat(detect("Just some words.", "episode.md")).contains(Format.MARKDOWN);
    assertThat(detect("# Episode 3\n\nWe talk about [things](https://x.y).", "episode")).contains(Format.MARKDOWN);
    assertThat(detect("Just some words.", "notes.txt")).isEmpty();
  }

  @Test
  void speakerTurnsOrEscapedTimestampsMakeATextTranscriptEvenInAMarkdownFile() {
    String turns = "**Mat Ryer:** Hello, and welcome.\n\n**Jon Calhoun:** Hi.\n\n**Mat Ryer:** \\[04:01\\] So...";
    assertThat(detect(turns, "go-time-1.md")).contains(Format.TEXT_TRANSCRIPT);
    assertThat(detect("Intro\n\n\\[00:10\\] one\n\n\\[01:04:06\\] two", "show.txt")).contains(Format.TEXT_TRANSCRIPT);
    assertThat(detect("**Jerod Santo:** A monologue with a single speaker.\n\nMore words.", "news-2.md"))
        .contains(Format.TEXT_TRANSCRIPT);
  }

  @Test
  void namesFollowedByParagraphsMakeAListing() {
    String listing = "Skip to main content\n\nMy Show Episodes\n\nJane Doe\nJohn Smith\n\n"
        + "John Smith is the founder of Acme. In this episode we talk about rockets and how to build them well.\n";
    assertThat(detect(listing, "episodes.txt")).contains(Format.LISTING_TEXT);
  }

  @Test
  void theSeedIsAListing() throws Exception {
    String seed = java.nio.file.Files.readString(java.nio.file.Path.of("data/cloud-infrastructure-podcast-episodes.txt"));
    assertThat(detect(seed, "cloud-infrastructure-podcast-episodes.txt")).contains(Format.LISTING_TEXT);
  }

  /** The format each real file of the other corpus sets must be routed to, from its extension in those sets. */
  @Test
  void everyRealFeedTranscriptAndPageGoesToItsParser() throws Exception {
    java.util.Map<String, Format> expected = java.util.Map.of("xml", Format.FEED, "rss", Format.FEED, "srt", Format.SRT,
        "vtt", Format.WEBVTT, "json", Format.JSON_TRANSCRIPT);
    java.util.List<String> wrong = new java.util.ArrayList<>();
    for (String set : java.util.List.of("rss", "transcripts-timed", "html")) {
      Path root = dev.podsearch.SharedCorpus.corpus(set);
      for (SourceRef ref : new SourceScanner().scan(java.util.List.of(root.toString()))) {
        String ext = FormatDetector.extension(ref.source());
        Format want = ext.equals("html") ? (set.equals("html") ? Format.HTML : Format.HTML_TRANSCRIPT)
            : expected.get(ext);
        String text = Importer.decode(Files.readAllBytes(ref.path()));
        Optional<Format> got = detect(text, ref.source());
        boolean dataNotEpisode = ext.equals("json") && !text.contains("\"segments\"");
        if (want != null && !dataNotEpisode && !got.equals(Optional.of(want))) {
          wrong.add(set + "/" + ref.source() + " -> " + got);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
