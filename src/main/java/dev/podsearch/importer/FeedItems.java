package dev.podsearch.importer;

import static dev.podsearch.importer.FeedXml.blankToNull;
import static dev.podsearch.importer.FeedXml.child;
import static dev.podsearch.importer.FeedXml.children;
import static dev.podsearch.importer.FeedXml.text;

import dev.podsearch.episode.Episode;
import dev.podsearch.episode.EpisodeBuilder;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;

/** Maps one RSS item or Atom entry, with what its channel says for all items, to an episode. */
final class FeedItems {
  private final SourceText source;
  private final FeedXml xml;
  private final Element channel;
  private final boolean atom;
  private final FeedAttachments attachments;
  private final List<String> warnings;
  private final String podcast;

  FeedItems(SourceText source, FeedXml xml, Element channel, boolean atom, FeedAttachments attachments,
      List<String> warnings) {
    this.source = source;
    this.xml = xml;
    this.channel = channel;
    this.atom = atom;
    this.attachments = attachments;
    this.warnings = warnings;
    this.podcast = FeedText.htmlToText(text(channel, "title"));
  }

  /** The episode of the n-th item; {@code keys} collects the entry keys seen so far, to keep ids unique. */
  Episode episode(Element item, int n, Set<String> keys) {
    int line = FeedXml.line(item);
    List<String> allNotes = notesCandidates(item);
    // The full notes are the longest version the feed gives (content:encoded usually beats description).
    String notes = allNotes.stream().max(Comparator.comparingInt(String::length)).orElse("");
    EpisodeBuilder b = Episode.builder()
        .id(Ids.episodeId(source.ref().source(), key(item, n, line, keys)))
        .podcast(podcast.isEmpty() ? null : podcast)
        .title(title(item, notes, line))
        .url(link(item))
        .published(published(item))
        .durationSeconds(duration(item))
        .audioUrl(audioUrl(item))
        .season(number(item, xml.itunes("season"), xml.podcast("season")))
        .episodeNumber(number(item, xml.itunes("episode"), xml.podcast("episode")))
        .description(description(item, allNotes))
        .text(notes.isEmpty() ? null : notes)
        .chapters(attachments.chapters(child(item, xml.podcast("chapters"))))
        .transcript(attachments.transcript(children(item, xml.podcast("transcript"))))
        .source(source.ref().source())
        .contentHash(source.hash());
    people(item, b);
    tags(item, b);
    return b.build();
  }

  /** guid (or Atom id), else link, else enclosure, else title, else position; made unique within the feed. */
  private String key(Element item, int n, int line, Set<String> keys) {
    String key = Stream.of(text(item, atom ? "id" : "guid"), link(item), audioUrl(item), text(item, "title"))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("item " + n);
    if (!keys.add(key)) {
      warnings.add("line " + line + ": the same guid/link as an earlier item ('" + FeedText.shorten(key)
          + "'); told apart by position");
      key = key + "#" + n;
      keys.add(key);
    }
    return key;
  }

  private String title(Element item, String notes, int line) {
    String title = firstNonNull(text(item, "title"), text(item, xml.itunes("title")));
    if (title != null) {
      return FeedText.htmlToText(title).replace('\n', ' ');
    }
    warnings.add("line " + line + ": item without a title");
    String summary = FeedText.summary(notes);
    return summary == null ? "Untitled episode" : summary.length() > 80 ? summary.substring(0, 79) + "…" : summary;
  }

  private String link(Element item) {
    if (!atom) {
      String link = text(item, "link");
      Element guid = child(item, "guid");
      boolean guidIsLink = guid != null && !guid.attr("isPermaLink").equalsIgnoreCase("false")
          && guid.text().strip().matches("(?i)https?://.*");
      return link != null ? link : guidIsLink ? guid.text().strip() : null;
    }
    return atomLinks(item).stream()
        .filter(l -> l.attr("rel").isEmpty() || l.attr("rel").equals("alternate"))
        .map(l -> blankToNull(l.attr("href")))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private List<Element> atomLinks(Element item) {
    return children(item, "link");
  }

  private String audioUrl(Element item) {
    Element enclosure = child(item, "enclosure");
    if (enclosure != null && !enclosure.attr("url").isBlank()) {
      return enclosure.attr("url").strip();
    }
    Element media = child(item, xml.media() + ":content");
    if (media != null && !media.attr("url").isBlank()) {
      return media.attr("url").strip();
    }
    return atomLinks(item).stream()
        .filter(l -> l.attr("rel").equals("enclosure"))
        .map(l -> blankToNull(l.attr("href")))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private LocalDate published(Element item) {
    Element date = Stream.of("pubDate", xml.dc() + ":date", "published", "updated", "issued", "modified")
        .map(name -> child(item, name))
        .filter(e -> e != null && !e.text().isBlank())
        .findFirst()
        .orElse(null);
    if (date == null) {
      return null;
    }
    LocalDate parsed = FeedDates.parse(date.text());
    if (parsed == null) {
      warnings.add("line " + FeedXml.line(date) + ": unreadable date '" + FeedText.shorten(date.text().strip()) + "'");
    }
    return parsed;
  }

  private Integer duration(Element item) {
    Element d = child(item, xml.itunes("duration"));
    if (d == null || d.text().isBlank()) {
      return null;
    }
    Integer seconds = FeedDurations.seconds(d.text());
    if (seconds == null) {
      warnings.add("line " + FeedXml.line(d) + ": unreadable duration '" + FeedText.shorten(d.text().strip()) + "'");
    }
    return seconds;
  }

  private Integer number(Element item, String... names) {
    for (String name : names) {
      Element e = child(item, name);
      if (e == null || e.text().isBlank()) {
        continue;
      }
      try {
        double n = Double.parseDouble(e.text().strip());
        if (n == Math.rint(n) && n >= 0 && n <= Integer.MAX_VALUE) {
          return (int) n;
        }
      } catch (NumberFormatException ignored) {
        // warned below
      }
      warnings.add("line " + FeedXml.line(e) + ": <" + name + "> is not a whole number: '"
          + FeedText.shorten(e.text().strip()) + "'");
    }
    return null;
  }

  /** The show notes found, as text, summaries first: description / Atom summary, itunes:summary, full content. */
  private List<String> notesCandidates(Element item) {
    List<String> out = new ArrayList<>();
    for (String name : List.of("description", "summary", xml.itunes("summary"), xml.content() + ":encoded", "content")) {
      String text = FeedText.htmlToText(FeedXml.markup(child(item, name)));
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  /** A short summary: the subtitle when the feed gives a real one, else the start of the first notes found. */
  private String description(Element item, List<String> notes) {
    String subtitle = text(item, xml.itunes("subtitle"));
    String subtitleText = subtitle == null ? "" : FeedText.htmlToText(subtitle);
    String first = notes.isEmpty() ? "" : notes.get(0);
    return FeedText.summary(subtitleText.length() >= 40 ? subtitleText : first);
  }

  private void people(Element item, EpisodeBuilder b) {
    personsOf(item).forEach(b::addPerson);
    if (b.build().people(Role.HOST).isEmpty()) {
      personsOf(channel).stream().filter(p -> p.role() == Role.HOST).forEach(b::addPerson);
    }
    if (b.build().people(Role.HOST).isEmpty()) {
      authors(item).forEach(name -> b.addPerson(new Person(name, Role.HOST)));
    }
  }

  /** podcast:person elements; their role defaults to host, as the namespace says. */
  private List<Person> personsOf(Element e) {
    return children(e, xml.podcast("person")).stream()
        .filter(p -> !p.text().isBlank())
        .map(p -> new Person(p.text().strip(), Role.parse(p.attr("role").isBlank() ? "host" : p.attr("role"))))
        .toList();
  }

  private List<String> authors(Element item) {
    if (atom) {
      List<Element> authors = children(item, "author").isEmpty() ? children(channel, "author") : children(item, "author");
      return authors.stream().map(a -> text(a, "name")).filter(Objects::nonNull).toList();
    }
    String author = Stream.of(text(item, xml.itunes("author")), text(item, xml.dc() + ":creator"), text(item, "author"),
            text(channel, xml.itunes("author")))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
    return author == null ? List.of() : FeedPeople.names(author);
  }

  /** The item's keywords and categories, then the channel's iTunes categories (and keywords if the item has none). */
  private void tags(Element item, EpisodeBuilder b) {
    String keywords = text(item, xml.itunes("keywords"));
    FeedPeople.splitList(keywords).forEach(b::addTag);
    categories(item).forEach(b::addTag);
    itunesCategories(channel).forEach(b::addTag);
    if (keywords == null) {
      FeedPeople.splitList(text(channel, xml.itunes("keywords"))).forEach(b::addTag);
    }
  }

  private List<String> categories(Element item) {
    List<String> out = new ArrayList<>();
    for (Element c : children(item, "category")) {
      out.addAll(FeedPeople.splitList(atom ? c.attr("term") : c.text()));
    }
    out.addAll(itunesCategories(item));
    return out;
  }

  /** itunes:category text attributes, nested subcategories included. */
  private List<String> itunesCategories(Element parent) {
    List<String> out = new ArrayList<>();
    for (Element c : children(parent, xml.itunes("category"))) {
      out.add(c.attr("text"));
      out.addAll(itunesCategories(c));
    }
    return out;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
