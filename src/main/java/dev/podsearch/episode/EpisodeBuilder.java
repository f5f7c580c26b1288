package dev.podsearch.episode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Collects an episode's fields one by one; {@link #build()} checks that id and title are set. */
public final class EpisodeBuilder {
  private String id;
  private String podcast;
  private String title;
  private String url;
  private LocalDate published;
  private Integer durationSeconds;
  private String audioUrl;
  private Integer season;
  private Integer episodeNumber;
  private List<Person> people = new ArrayList<>();
  private List<String> tags = new ArrayList<>();
  private String description;
  private String text;
  private List<Cue> transcript = new ArrayList<>();
  private List<Chapter> chapters = new ArrayList<>();
  private String source;
  private String contentHash;

  EpisodeBuilder() {}

  EpisodeBuilder(Episode e) {
    id = e.id();
    podcast = e.podcast();
    title = e.title();
    url = e.url();
    published = e.published();
    durationSeconds = e.durationSeconds();
    audioUrl = e.audioUrl();
    season = e.season();
    episodeNumber = e.episodeNumber();
    people = new ArrayList<>(e.people());
    tags = new ArrayList<>(e.tags());
    description = e.description();
    text = e.text();
    transcript = new ArrayList<>(e.transcript());
    chapters = new ArrayList<>(e.chapters());
    source = e.source();
    contentHash = e.contentHash();
  }

  public EpisodeBuilder id(String v) { id = v; return this; }
  public EpisodeBuilder podcast(String v) { podcast = v; return this; }
  public EpisodeBuilder title(String v) { title = v; return this; }
  public EpisodeBuilder url(String v) { url = v; return this; }
  public EpisodeBuilder published(LocalDate v) { published = v; return this; }
  public EpisodeBuilder durationSeconds(Integer v) { durationSeconds = v; return this; }
  public EpisodeBuilder audioUrl(String v) { audioUrl = v; return this; }
  public EpisodeBuilder season(Integer v) { season = v; return this; }
  public EpisodeBuilder episodeNumber(Integer v) { episodeNumber = v; return this; }
  public EpisodeBuilder people(List<Person> v) { people = new ArrayList<>(v); return this; }
  public EpisodeBuilder tags(List<String> v) { tags = new ArrayList<>(v); return this; }
  public EpisodeBuilder description(String v) { description = v; return this; }
  public EpisodeBuilder text(String v) { text = v; return this; }
  public EpisodeBuilder transcript(List<Cue> v) { transcript = new ArrayList<>(v); return this; }
  public EpisodeBuilder chapters(List<Chapter> v) { chapters = new ArrayList<>(v); return this; }
  public EpisodeBuilder source(String v) { source = v; return this; }
  public EpisodeBuilder contentHash(String v) { contentHash = v; return this; }

  /** Adds a person unless one with the same name (ignoring case) is already there. */
  public EpisodeBuilder addPerson(Person p) {
    boolean known = people.stream().anyMatch(q -> q.name().equalsIgnoreCase(p.name()));
    if (!known) {
      people.add(p);
    }
    return this;
  }

  /** Adds a tag unless it is blank or already there (ignoring case). */
  public EpisodeBuilder addTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return this;
    }
    String t = tag.trim();
    if (tags.stream().noneMatch(x -> x.equalsIgnoreCase(t))) {
      tags.add(t);
    }
    return this;
  }

  public String id() { return id; }
  public String title() { return title; }
  public String source() { return source; }

  /** The finished episode. */
  public Episode build() {
    return new Episode(id, podcast, title, url, published, durationSeconds, audioUrl, season, episodeNumber, people,
        tags, description, text, transcript, chapters, source, contentHash);
  }
}
