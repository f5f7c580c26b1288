package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Episode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Garbled transcripts and feeds end in episodes or a ParseException, never in another exception. */
class TranscriptRobustnessTest {

  @Property(tries = 150)
  void everyParserEitherParsesOrSaysWhy(@ForAll("garbled") String text) {
    List<EpisodeParser> parsers = List.of(new SrtParser(), new WebVttParser(), new JsonTranscriptParser(),
        new HtmlTranscriptParser(), new FeedParser());
    for (EpisodeParser parser : parsers) {
      List<String> warnings = new ArrayList<>();
      try {
        List<Episode> episodes = parser.parse(FeedTestSupport.inline("garbled.txt", text), warnings);
        assertThat(episodes).isNotEmpty().allSatisfy(e -> assertThat(e.title()).isNotBlank());
      } catch (ParseException | NotAnEpisodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
      assertThat(warnings).allSatisfy(w -> assertThat(w).isNotBlank());
    }
  }

  @Provide
  Arbitrary<String> garbled() {
    Arbitrary<String> pieces = Arbitraries.of("1\n", "00:00:01,000 --> 00:00:02,000\n", "0.5 --> 0.2\n", "WEBVTT\n",
        "NOTE x\n", "<v Ada>", "</v>", "Ada Lovelace: ", "hello world", "\n\n", "-->", "99:99:99,999", "{", "}",
        "\"segments\": [", "{\"startTime\": -3, \"endTime\": 1, \"body\": \"x\"}", "]", ",", "<cite>Bo:</cite>",
        "<time>1:2:3:4</time>", "<p>said</p>", "<rss><channel><title>T</title>", "<item>", "</item>", "<title>",
        "</title>", "<guid>g</guid>", "<itunes:duration>1:99</itunes:duration>", "<pubDate>32 Foo 2020</pubDate>",
        "<podcast:transcript url=\"../x.srt\"/>", "<podcast:chapters url=\"file:///etc/passwd\"/>", "&bogus;",
        "<feed><entry>", "<![CDATA[", "]]>", "\uFEFF", "\r\n", "99999999999999999999");
    return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
  }
}
