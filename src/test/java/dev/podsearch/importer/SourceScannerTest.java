package dev.podsearch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

  @TempDir
  Path root;

  private void touch(String relative) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
  }

  @Test
  void listsEpisodeFilesSortedWithPathsRelativeToTheRoot() throws IOException {
    touch("b/two.md");
    touch("a/one.mdx");
    touch("c.txt");
    List<SourceRef> refs = new SourceScanner().scan(List.of(root.toString()));
    assertThat(refs).extracting(SourceRef::source).containsExactly("a/one.mdx", "b/two.md", "c.txt");
    assertThat(refs).allSatisfy(r -> assertThat(r.origin()).isEqualTo(root.toAbsolutePath().normalize().toString()));
    assertThat(refs.get(0).path()).isEqualTo(root.resolve("a/one.mdx"));
  }

  @Test
  void leavesOutHiddenFilesAndFilesThatAreNeverEpisodes() throws IOException {
    for (String f : List.of(".git/config", ".hidden.md", "LICENSE", "LICENSE.resoto.com", "README.md", "STYLE.md",
        "CONTRIBUTING.md", "SOURCE_COMMIT", "COPYING", "podcast-namespace__COPYING.txt", "authors.yml", "blog/authors.yaml",
        "img/banner.png", "a.jpg", "ep.mp3", "site.css", "app.js", "ep1/chapters.json", "x-chapters-example.json")) {
      touch(f);
    }
    touch("ep1/index.mdx");
    touch("changelog--friends-1.md");
    touch("style-and-taste.md");
    assertThat(new SourceScanner().scan(List.of(root.toString()))).extracting(SourceRef::source)
        .containsExactly("changelog--friends-1.md", "ep1/index.mdx", "style-and-taste.md");
  }

  @Test
  void aFileRootHasItsFolderAsOriginAndItsNameAsSource() throws IOException {
    touch("shows/ep.md");
    List<SourceRef> refs = new SourceScanner().scan(List.of(root.resolve("shows/../shows/ep.md").toString()));
    assertThat(refs).singleElement().satisfies(r -> {
      assertThat(r.origin()).isEqualTo(root.resolve("shows").toString());
      assertThat(r.source()).isEqualTo("ep.md");
    });
  }

  @Test
  void aUrlIsItsOwnOriginAndSource() {
    assertThat(new SourceScanner().scan(List.of("https://example.com/feed.xml"))).singleElement()
        .isEqualTo(new SourceRef("https://example.com/feed.xml", "https://example.com/feed.xml", null));
  }

  @Test
  void aMissingRootIsNamed() {
    String missing = root.resolve("nope").toString();
    assertThatThrownBy(() -> new SourceScanner().scan(List.of(missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing);
  }

  @Test
  void leavesOutTranscriptsBesideASameNamedEpisodeButKeepsLoneOnes() throws IOException {
    for (String f : List.of("042-rust.md", "042-rust.srt", "042-rust.vtt", "show/ep.html", "show/ep.json",
        "lone.srt", "other.vtt", "notes.md")) {
      touch(f);
    }
    assertThat(new SourceScanner().scan(List.of(root.toString()))).extracting(SourceRef::source)
        .containsExactly("042-rust.md", "lone.srt", "notes.md", "other.vtt", "show/ep.html");
  }
}
