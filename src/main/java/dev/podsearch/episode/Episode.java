package dev.podsearch.episode;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One podcast episode as podsearch knows it.
 *
 * <p>Optional values are null when the source does not have them; lists are never null. {@code source} is the path
 * relative to the imported root (or the URL) the episode came from, {@code contentHash} the hash of that source's bytes.
 *
 * @param text the show notes (or the body of the page) as plain text
 */
public record Episode(
    String id,
    String podcast,
    String title,
    String url,
    LocalDate published,
    Integer durationSeconds,
    String audioUrl,
    Integer season,
    Integer episodeNumber,
    List<Person> people,
    List<String> tags,
    String description,
    String text,
    List<Cue> transcript,
    List<Chapter> chapters,
    String source,
    String contentHash) {

  public Episode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    people = people == null ? List.of() : List.copyOf(people);
    tags = tags == null ? List.of() : List.copyOf(tags);
    transcript = transcript == null ? List.of() : List.copyOf(transcript);
    chapters = chapters == null ? List.of() : List.copyOf(chapters);
  }

  /** Starts a builder, the readable way for parsers to fill in the many optional fields. */
  public static EpisodeBuilder builder() {
    return new EpisodeBuilder();
  }

  /** A builder holding this episode's values, to change a few of them. */
  public EpisodeBuilder toBuilder() {
    return new EpisodeBuilder(this);
  }

  /** The people with the given role, in source order. */
  public List<Person> people(Role role) {
    return people.stream().filter(p -> p.role() == role).toList();
  }
}
