package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podsearch.search.UserQuery.AnyOf;
import dev.podsearch.search.UserQuery.Phrase;
import dev.podsearch.search.UserQuery.Unit;
import dev.podsearch.search.UserQuery.Word;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class UserQueryParserTest {

  private static List<String> texts(List<Unit> units) {
    return units.stream().map(UserQueryParserTest::text).toList();
  }

  private static String text(Unit u) {
    if (u instanceof Word w) {
      return (w.scope() == Scope.ALL ? "" : w.scope().name().toLowerCase() + ":") + w.text() + (w.prefix() ? "*" : "");
    }
    if (u instanceof Phrase p) {
      return (p.scope() == Scope.ALL ? "" : p.scope().name().toLowerCase() + ":") + "\"" + p.text() + "\"";
    }
    return "(" + String.join("|", texts(((AnyOf) u).units())) + ")";
  }

  @Test
  void plainWordsAreOptionalAndRanked() {
    UserQuery q = UserQueryParser.parse("cloud cost  tips");
    assertThat(texts(q.optional())).containsExactly("cloud", "cost", "tips");
    assertThat(q.required()).isEmpty();
  }

  @Test
  void phrasesScopesAndPlusAreRequired() {
    UserQuery q = UserQueryParser.parse("\"shift left\" title:cloud +finops tag:\"cloud spend\" person:(lars ada)");
    assertThat(texts(q.required()))
        .containsExactly("\"shift left\"", "title:cloud", "finops", "tag:\"cloud spend\"", "(person:lars|person:ada)");
  }

  @Test
  void minusAndNotExclude() {
    UserQuery q = UserQueryParser.parse("cloud -aws NOT gcp !azure");
    assertThat(texts(q.optional())).containsExactly("cloud");
    assertThat(texts(q.excluded())).containsExactly("aws", "gcp", "azure");
  }

  @Test
  void orGroupsNeighboursAndAndRequiresBoth() {
    assertThat(texts(UserQueryParser.parse("aws OR gcp OR azure cost").optional()))
        .containsExactly("(aws|gcp|azure)", "cost");
    UserQuery and = UserQueryParser.parse("aws AND cost");
    assertThat(texts(and.required())).containsExactly("aws", "cost");
  }

  @Test
  void prefixesAndTheirPositionsInTheText() {
    Word w = (Word) UserQueryParser.parse("  kube*").optional().get(0);
    assertThat(w.prefix()).isTrue();
    assertThat(w.text()).isEqualTo("kube");
    assertThat(List.of(w.start(), w.end())).containsExactly(2, 7);
  }

  @Test
  void lenientReadings() {
    assertThat(texts(UserQueryParser.parse("\"unclosed phrase").required())).containsExactly("\"unclosed phrase\"");
    assertThat(texts(UserQueryParser.parse("(cloud) )cost(").optional())).containsExactly("cloud", "cost");
    assertThat(texts(UserQueryParser.parse("http://x.org").optional())).containsExactly("http://x.org");
    assertThat(UserQueryParser.parse("*").matchAll()).isTrue();
    assertThat(UserQueryParser.parse("   ").isBlank()).isTrue();
    assertThat(texts(UserQueryParser.parse("cloud OR").optional())).containsExactly("cloud");
    assertThat(texts(UserQueryParser.parse("OR cloud").optional())).containsExactly("cloud");
  }

  @Test
  void meaninglessInputIsRefusedNamingQ() {
    assertThatThrownBy(() -> UserQueryParser.parse("title:"))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("q"))
        .hasMessageContaining("title:");
    assertThatThrownBy(() -> UserQueryParser.parse("person:()")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> UserQueryParser.parse("AND OR NOT")).hasMessageContaining("only operators");
    assertThatThrownBy(() -> UserQueryParser.parse("w ".repeat(UserQueryParser.MAX_TERMS + 1)))
        .hasMessageContaining("at most " + UserQueryParser.MAX_TERMS);
  }

  @Property(tries = 300)
  void anyTextParsesOrIsRefusedWithAReason(@ForAll @StringLength(max = 200) String q) {
    try {
      UserQuery parsed = UserQueryParser.parse(q);
      assertThat(parsed).isNotNull();
    } catch (InvalidQueryException e) {
      assertThat(e.parameter()).isEqualTo("q");
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
