package dev.podsearch.search;

import dev.podsearch.episode.Person;
import java.time.LocalDate;
import java.util.List;

/**
 * One episode in a result list.
 *
 * @param snippet HTML: the source text escaped, with matches wrapped in {@code <mark>}; passages joined by " … "
 * @param moments timed transcript passages that match (at most 5), empty when none
 * @param mentions how many times the query matched in this episode's transcript
 */
public record Hit(
    String id,
    String title,
    String podcast,
    String url,
    String audioUrl,
    LocalDate published,
    Integer durationSeconds,
    List<String> tags,
    List<Person> people,
    String snippet,
    float score,
    List<Moment> moments,
    int mentions) {}
