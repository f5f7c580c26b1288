package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class HtmlDocumentsTest {
  /** Found by the fuzzer: Jsoup 1.24.1 throws IndexOutOfBoundsException while reconstructing formatting elements. */
  static final String BREAKS_JSOUP = "<ul><li><ul><li><ul><li><" + "<b><i>".repeat(100) + "ul><li>"
      + "<ul><li>".repeat(253) + FuzzSeeds.HTML_LISTING.text();

  @Test
  void theReproductionStillBreaksJsoupItself() {
    // When a Jsoup upgrade fixes this, the fallback below is no longer needed.
    assertThatThrownBy(() -> Jsoup.parse(BREAKS_JSOUP)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aPageThatBreaksTheParserIsReadAgainWithoutFormattingTagsAndSaysSo() throws ParseException {
    List<String> warnings = new ArrayList<>();

    Document doc = HtmlDocuments.parse(BREAKS_JSOUP, Parser.htmlParser(), warnings);

    assertThat(doc.select("article")).hasSize(3);
    assertThat(doc.text()).contains("Ep 11: Caches", "Distributed locks are hard.");
    assertThat(warnings).singleElement().asString().contains("read again without its formatting tags");
  }

  @Test
  void aPageTheParserReadsKeepsItsLinksAndHasNoWarning() throws ParseException {
    List<String> warnings = new ArrayList<>();

    Document doc = HtmlDocuments.parse(FuzzSeeds.HTML_LISTING.text(), Parser.htmlParser(), warnings);

    assertThat(doc.select("article h2 a").first().attr("href")).isEqualTo("/ep-11");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFragmentThatBreaksTheParserStillGivesItsText() {
    Document doc = HtmlDocuments.bodyFragment(BREAKS_JSOUP);

    assertThat(doc.body().text()).contains("Why caches lie.", "Distributed locks are hard.");
  }

  @Test
  void formattingTagsAreRemovedWithTheirAttributesButOtherMarkupStays() {
    assertThat(HtmlDocuments.withoutFormatting("<p><a href=\"/x\">Ep <B>1</B></a><br><span>s</span></p>"))
        .isEqualTo("<p>Ep 1<br><span>s</span></p>");
  }
}
