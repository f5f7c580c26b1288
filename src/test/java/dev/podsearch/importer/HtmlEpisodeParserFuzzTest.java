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

/** Arbitrary mixes of the markup the parser looks for never make it fail with anything but its own exceptions. */
class HtmlEpisodeParserFuzzTest {
  private static final List<String> PIECES = List.of("<html>", "<head>", "<title>Ep 1 | Show</title>", "</head>",
      "<body>", "<article>", "</article>", "<main>", "</main>", "<h1>", "</h1>", "<h2><a href=\"/e/2\">Two</a></h2>",
      "<p>", "</p>", "Hosts:", "Guest: Jane Doe", "<ul><li>", "</li></ul>", "<a href=\"/tags/x\">x</a>",
      "<a href=\"/a.mp3\">", "</a>", "<audio src=\"\">", "<time datetime=\"2020-13-45\">", "12:09 Topic\n",
      "<meta property=\"og:title\" content=\" | \">", "<link rel=canonical href=\"::\">",
      "<script type=\"application/ld+json\">{\"@type\":[\"PodcastEpisode\"],\"name\":{},\"author\":[1,null]}</script>",
      "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Blog\",\"blogPost\":[{\"url\":3}]}]}</script>",
      "<script>x<y</script>", "<!-- c -->", "&amp;", "é", "  ", "\n", "<div class=\"comments\">", "</div>",
      "Mar 27, 2018", "<footer>© 2020 Show</footer>", "<nav>menu</nav>", "<h3>Panel</h3>", "Episódio 7:");

  @Provide
  Arbitrary<String> pages() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> "<" + String.join("", l));
  }

  @Property(tries = 300)
  void failsOnlyWithItsOwnExceptions(@ForAll("pages") String html) {
    SourceText source = new SourceText(new SourceRef("/x", "fuzz.html", null), html, "h");
    try {
      List<Episode> episodes = new HtmlEpisodeParser().parse(source, new ArrayList<>());
      assertThat(episodes).isNotEmpty().allSatisfy(e -> assertThat(e.title()).isNotBlank());
    } catch (ParseException | NotAnEpisodeException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
