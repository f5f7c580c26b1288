package dev.podsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynonymsTest {
  @Test
  void eachWordOfAGroupMapsToTheOthersIgnoringCaseCommentsAndBlankLines() {
    Map<String, List<String>> groups = Synonyms.parse(List.of("# a comment", "", "Kubernetes, k8s", "js , javascript ,"));
    assertThat(groups).containsOnlyKeys("kubernetes", "k8s", "js", "javascript");
    assertThat(groups.get("k8s")).containsExactly("kubernetes");
    assertThat(groups.get("javascript")).containsExactly("js");
  }

  @Test
  void theShippedListKnowsCommonAbbreviationsAndNothingElse() {
    assertThat(Synonyms.of("K8s")).containsExactly("kubernetes");
    assertThat(Synonyms.of("podcast")).isEmpty();
  }
}
