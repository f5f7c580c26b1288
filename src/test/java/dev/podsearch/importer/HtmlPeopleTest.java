package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlPeopleTest {

  @Test
  void splitsNameListsAndDropsWhatIsNotAName() {
    assertThat(HtmlPeople.split("Jane Doe, John Roe and Max Mustermann (Acme)"))
        .containsExactly("Jane Doe", "John Roe", "Max Mustermann");
    assertThat(HtmlPeople.split("Dr. Ada Lovelace & Tom Baker from City Compost"))
        .containsExactly("Ada Lovelace", "Tom Baker");
    assertThat(HtmlPeople.split("Jeff Kuo, CTO at Ragic")).containsExactly("Jeff Kuo");
    assertThat(HtmlPeople.split("Jane Doe, CEO")).containsExactly("Jane Doe");
    assertThat(HtmlPeople.split("Maria da Silva e João Souza")).containsExactly("Maria da Silva", "João Souza");
    assertThat(HtmlPeople.split("see https://example.com/people")).isEmpty();
  }

  @Test
  void readsLabelsInSeveralForms() {
    var doc = Jsoup.parse("<div><p>Hosted by Jane Doe. Recorded live.</p><p>Apresentadores: Ana Lima, Rui Costa</p>"
        + "<dl><dt>Guests</dt><dd>Kim Park</dd></dl><p>Participants: Lee Wong</p></div>");

    assertThat(HtmlPeople.labelled(doc.body())).containsExactly(new Person("Jane Doe", Role.HOST),
        new Person("Ana Lima", Role.HOST), new Person("Rui Costa", Role.HOST), new Person("Kim Park", Role.GUEST),
        new Person("Lee Wong", Role.UNKNOWN));
  }

  @Test
  void readsGuestsAtTheEndOfATitle() {
    assertThat(HtmlPeople.fromTitle("Observability in CI/CD & Beyond with Adriana Villela"))
        .containsExactly(new Person("Adriana Villela", Role.GUEST));
    assertThat(HtmlPeople.fromTitle("Especial de 7 anos com Og Maciel"))
        .containsExactly(new Person("Og Maciel", Role.GUEST));
    assertThat(HtmlPeople.fromTitle("Living with legacy code")).isEmpty();
  }

  @Test
  void aTitleTooLongToBeATitleNamesNoGuests() {
    // The name-list regex recurses once per name: thousands of names overflowed the stack.
    assertThat(HtmlPeople.fromTitle("Caches with " + "Ann Host, ".repeat(5_000) + "Bo Guest")).isEmpty();
  }
}
