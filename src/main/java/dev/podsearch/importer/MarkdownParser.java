package dev.podsearch.importer;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.EpisodeBuilder;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Parses Markdown and MDX episodes with YAML front matter (Docusaurus, Hugo, Jekyll and similar sites).
 *
 * <p>Front matter gives the fields; the body, rendered to HTML by commonmark and read back as text by Jsoup, gives the
 * text. MDX imports and JSX components, Hugo shortcodes and Liquid tags are removed first: they are site machinery,
 * not words anyone says.
 */
final class MarkdownParser implements EpisodeParser {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();

  private static final Pattern MDX_IMPORT = Pattern.compile(
      "(?m)^(?:import\\s+[^\\n]*?from\\s+['\"][^'\"]+['\"];?|import\\s+['\"][^'\"]+['\"];?|"
          + "export\\s+(?:const|default|function|let|var)\\b[^\\n]*)[ \\t]*$");
  private static final Pattern JSX_SELF_CLOSING = Pattern.compile("<[A-Z][\\w.]*(?:\\s[^<>]*?)?/>");
  private static final Pattern JSX_TAG = Pattern.compile("</?[A-Z][\\w.]*(?:\\s[^<>]*)?>");
  private static final Pattern FENCE = Pattern.compile("(?m)^\\s{0,3}(```|~~~)");
  private static final Pattern CHAPTER_LINE = Pattern.compile(
      "(?m)^[ \\t]*(?:[*+-]|\\d+\\.)?[ \\t]*(?:\\*\\*|__)?[ \\t]*\\[?\\(?(\\d{1,2}(?::\\d{2}){1,2})(?=[\\s\\]).*|:\\-–—])\\)?\\]?"
          + "(?:\\(#t=[\\d:]+\\))?(?:\\*\\*|__)?\\s*(?:[-–—:|]\\s*)?(\\S[^\\n]*)$");
  private static final Pattern EPISODE_PREFIX = Pattern.compile(
      "(?i)^(?:episode|ep\\.?|#)\\s*(\\d{1,5})\\s*[:\\-–—|.]\\s+(.+)$");
  private static final Pattern YOUTUBE_EMBED = Pattern.compile(
      "<(?i:you ?tube)\\w*\\s[^>]*?\\b(?:id|videoId)=[\"']([\\w-]{6,20})[\"']");
  private static final Pattern VIDEO_LINE = Pattern.compile(
      "(?m)^\\s*<?(https?://(?:www\\.)?(?:youtube\\.com/watch\\?v=|youtu\\.be/|vimeo\\.com/)[\\w?=&-]+)>?\\s*$");
  /** Bounded: from every "[" an unbounded class scans to the end of the line, quadratic on a line of thousands. */
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]{0,300})]\\([^)\\n]{0,2000}\\)");
  private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote",
      "tr", "div", "table", "ul", "ol", "hr", "dt", "dd");
  private static final Set<String> AUDIO = Set.of("mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac");
  /** Folder names that say nothing about which show the files belong to. */
  private static final Set<String> GENERIC_FOLDERS = Set.of("shows", "show", "episodes", "episode", "posts", "_posts",
      "content", "blog", "src", "docs", "data", "transcripts", "notes", "shownotes", "pages", "md", "markdown", "");
  private static final Set<String> NOISE_WORDS = Set.of("shownotes", "transcripts", "website", "site", "legacy",
      "md", "markdown");

  private final SiteFiles site = new SiteFiles();

  @Override
  public List<Episode> parse(SourceText source, List<String> warnings) throws ParseException, NotAnEpisodeException {
    if (Texts.baseName(source.fileName()).equals("_index")) {
      throw new NotAnEpisodeException("section index page (_index.md), not an episode");
    }
    FrontMatter fm = FrontMatter.parse(source.text());
    String body = withoutSiteMachinery(fm.body());
    Node doc = MARKDOWN.parse(body);
    Heading h1 = firstHeading(doc);
    String title = fm.string("title");
    if (title == null && h1 != null) {
      title = Texts.clean(plain(h1));
      h1.unlink();
    }
    Element html = HtmlDocuments.bodyFragment(render(doc)).body();
    String text = blockText(html);
    if (title == null) {
      title = fallbackTitle(source);
    }
    if (Texts.isBlank(text) && fm.fields().isEmpty()) {
      throw new NotAnEpisodeException("Markdown without front matter or text");
    }
    EpisodeBuilder b = Episode.builder()
        .id(Ids.episodeId(source.ref().source(), "episode"))
        .text(text)
        .description(description(fm, html))
        .chapters(chapters(body));
    title(b, title, fm);
    fields(b, fm, source, warnings);
    people(b, fm, source);
    return List.of(b.build());
  }

  /** The front matter fields other than title and people, with the folder and path as fallbacks. */
  private void fields(EpisodeBuilder b, FrontMatter fm, SourceText source, List<String> warnings) {
    b.published(published(fm, source, warnings));
    b.podcast(podcast(fm, source));
    media(b, fm, fm.body());
    b.season(fm.integer("season", "season_number", "itunes_season"));
    Object duration = fm.value("duration", "length", "itunes_duration", "runtime");
    b.durationSeconds(Dates.durationSeconds(duration));
    if (duration != null && Dates.durationSeconds(duration) == null) {
      warnings.add("front matter duration '" + duration + "' is not a duration, left out");
    }
    fm.strings("tags", "categories", "keywords", "topics").forEach(b::addTag);
  }

  /** Drops MDX imports and components, MDX comments, Hugo shortcodes and Liquid tags outside code blocks. */
  static String withoutSiteMachinery(String body) {
    StringBuilder out = new StringBuilder(body.length());
    String[] parts = FENCE.split(body, -1);
    Matcher fences = FENCE.matcher(body);
    List<String> markers = new ArrayList<>();
    while (fences.find()) {
      markers.add(fences.group());
    }
    for (int i = 0; i < parts.length; i++) {
      // Even parts are outside fenced code, odd parts inside.
      out.append(i % 2 == 0 ? cleanProse(parts[i]) : parts[i]);
      if (i < markers.size()) {
        out.append(markers.get(i));
      }
    }
    return out.toString();
  }

  // commonmark renders recursively: lists or quotes nested thousands deep overflow the stack.
  private static String render(Node doc) throws ParseException {
    try {
      return HTML.render(doc);
    } catch (StackOverflowError e) {
      throw new ParseException(0, "Markdown nested too deeply to read (lists or quotes thousands of levels deep)");
    }
  }

  private static String cleanProse(String s) {
    String t = MDX_IMPORT.matcher(s).replaceAll("");
    t = removeDelimited(t, "{/*", "*/}");
    t = JSX_SELF_CLOSING.matcher(t).replaceAll("");
    t = JSX_TAG.matcher(t).replaceAll("");
    for (String[] tag : TEMPLATE_DELIMITERS) {
      t = removeDelimited(t, tag[0], tag[1]);
    }
    return unclosedCommentsEscaped(t);
  }

  /** Hugo shortcodes, Liquid tags and template expressions, most specific first. */
  private static final String[][] TEMPLATE_DELIMITERS = {{"{{<", ">}}"}, {"{{%", "%}}"}, {"{%", "%}"}, {"{{", "}}"}};

  /**
   * Removes every {@code open ... close} span, shortest first, in linear time: once an opener has no closer after it,
   * no later one has either. (Lazy regexes such as {@code \{\{[\s\S]*?}}} rescanned the rest of the file from every
   * unclosed opener: seconds for a file of many.)
   */
  static String removeDelimited(String s, String open, String close) {
    int start = s.indexOf(open);
    if (start < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    while (start >= 0) {
      int end = s.indexOf(close, start + open.length());
      if (end < 0) {
        break;
      }
      out.append(s, from, start);
      from = end + close.length();
      start = s.indexOf(open, from);
    }
    return out.append(s, from, s.length()).toString();
  }

  /**
   * HTML comment and CDATA openers with no {@code -->} or {@code ]]>} after them, and any {@code <} with no {@code >}
   * after it, escaped:
   * commonmark looks for the end of every such comment, tag or autolink through the rest of the paragraph, which is
   * quadratic in a file with thousands of them (seconds for 40 KB).
   */
  static String unclosedCommentsEscaped(String s) {
    String t = unclosedEscaped(unclosedEscaped(s, "<!--", "-->"), "<![CDATA[", "]]>");
    int lt = t.indexOf('<', t.lastIndexOf('>') + 1);
    return lt < 0 ? t : t.substring(0, lt) + t.substring(lt).replace("<", "&lt;");
  }

  private static String unclosedEscaped(String s, String opener, String closer) {
    int open = s.indexOf(opener, s.lastIndexOf(closer) + 1);
    return open < 0 ? s : s.substring(0, open) + s.substring(open).replace(opener, "&lt;" + opener.substring(1));
  }

  private static Heading firstHeading(Node doc) {
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == 1) {
        return h;
      }
    }
    return null;
  }

  private static String plain(Node node) {
    StringBuilder sb = new StringBuilder();
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      sb.append(n instanceof Text t ? t.getLiteral() : plain(n));
    }
    return sb.toString();
  }

  /** The text of rendered HTML with a blank line between blocks, so paragraphs stay paragraphs. */
  static String blockText(Element root) {
    StringBuilder sb = new StringBuilder();
    root.traverse(new NodeVisitor() {
      @Override
      public void head(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof TextNode t) {
          sb.append(t.getWholeText().replace('\n', ' '));
        } else if (node instanceof Element e && (BLOCKS.contains(e.normalName()) || e.normalName().equals("br"))) {
          sb.append(e.normalName().equals("li") || e.normalName().equals("br") ? "\n" : "\n\n");
        }
      }

      @Override
      public void tail(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("li")) {
          sb.append("\n\n");
        }
      }
    });
    return Texts.cleanLines(sb.toString());
  }

  private static String fallbackTitle(SourceText source) {
    String base = Texts.baseName(source.fileName());
    if (base.equalsIgnoreCase("index") || base.equalsIgnoreCase("readme")) {
      base = source.folderName();
    }
    return Texts.prettify(base.replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", "").replaceFirst("^\\d{2}-\\d{2}-", ""));
  }

  /** Sets the title, moving a leading "Episode 12:" into the episode number. */
  private static void title(EpisodeBuilder b, String title, FrontMatter fm) {
    Integer number = fm.integer("episode", "episode_number", "episodenumber", "number", "itunes_episode", "ep");
    Matcher m = EPISODE_PREFIX.matcher(title);
    if (m.matches()) {
      number = number != null ? number : Integer.valueOf(m.group(1));
      title = m.group(2).strip();
    }
    b.title(title).episodeNumber(number);
  }

  private static String description(FrontMatter fm, Element html) {
    String d = fm.string("description", "summary", "excerpt", "subtitle", "abstract");
    if (d != null) {
      return d;
    }
    for (Element p : html.select("p")) {
      String t = Texts.clean(p.text());
      // A paragraph that is mostly a link ("Slides: https://...") describes nothing.
      if (t.length() >= 40 && withoutUrls(t).length() >= 30) {
        return Texts.shorten(t, 600);
      }
    }
    return null;
  }

  // Word by word: the regex \S*://\S* backtracked quadratically over one long run of non-spaces (seconds per file).
  private static String withoutUrls(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String word : text.split(" ")) {
      if (!word.contains("://")) {
        out.append(word).append(' ');
      }
    }
    return out.toString().strip();
  }

  private static LocalDate published(FrontMatter fm, SourceText source, List<String> warnings) {
    for (String key : List.of("date", "published", "pubdate", "publishdate", "publish_date", "released", "created")) {
      Object value = fm.fields().get(key);
      LocalDate d = Dates.parse(value);
      if (d != null) {
        return d;
      }
      if (value != null && !String.valueOf(value).isBlank()) {
        warnings.add("front matter " + key + " '" + value + "' is not a date, left out");
      }
    }
    return Dates.fromPath(source.ref().source());
  }

  /** The show: front matter, else the Hugo section title, else the nearest folder that names it. */
  private String podcast(FrontMatter fm, SourceText source) {
    String named = fm.string("podcast", "show", "podcast_name", "podcastname", "series", "show_name");
    if (named != null) {
      return named;
    }
    Optional<String> section = site.section(source.ref()).map(s -> s.string("title"));
    return section.orElseGet(() -> podcastFromFolders(source));
  }

  static String podcastFromFolders(SourceText source) {
    List<String> folders = new ArrayList<>(List.of(source.ref().source().split("/")));
    folders.remove(folders.size() - 1);
    if (Texts.baseName(source.fileName()).equalsIgnoreCase("index") && !folders.isEmpty()) {
      folders.remove(folders.size() - 1);
    }
    if (source.ref().origin() != null && !source.ref().origin().contains("://")) {
      List<String> originFolders = new ArrayList<>();
      Path.of(source.ref().origin()).forEach(p -> originFolders.add(p.toString()));
      folders.addAll(0, originFolders);
    }
    for (int i = folders.size() - 1; i >= 0; i--) {
      String f = folders.get(i);
      if (!GENERIC_FOLDERS.contains(f.toLowerCase(Locale.ROOT)) && !f.matches("[\\d_-]+")
          && !f.matches("\\d{2}-\\d{2}-.*")) {
        // "syntaxfm" is the site syntax.fm of the show "Syntax".
        String name = Texts.prettify(String.join(" ", List.of(f.split("[-_.\\s]+")).stream()
            .filter(w -> !NOISE_WORDS.contains(w.toLowerCase(Locale.ROOT)))
            .map(w -> w.length() > 5 && w.endsWith("fm") ? w.substring(0, w.length() - 2) : w).toList()));
        if (!name.isBlank()) {
          return name;
        }
      }
    }
    return null;
  }

  private static void media(EpisodeBuilder b, FrontMatter fm, String rawBody) {
    String page = null;
    String audio = null;
    for (String key : List.of("audio", "audio_url", "audiourl", "enclosure", "mp3", "file", "url", "media",
        "source_file", "permalink", "link", "youtube_url", "video")) {
      String v = urlOf(fm.fields().get(key));
      if (v == null) {
        continue;
      }
      if (isAudio(v)) {
        audio = audio == null ? v : audio;
      } else if (v.startsWith("http") && !key.equals("file") && !key.equals("enclosure")) {
        page = page == null ? v : page;
      }
    }
    b.audioUrl(audio).url(page != null ? page : videoInBody(rawBody));
  }

  /** A YouTube embed component ({@code <YoutubeEmbed id="..."/>}) or a line that is only a video link. */
  private static String videoInBody(String body) {
    Matcher embed = YOUTUBE_EMBED.matcher(body);
    if (embed.find()) {
      return "https://www.youtube.com/watch?v=" + embed.group(1);
    }
    Matcher line = VIDEO_LINE.matcher(body);
    return line.find() ? line.group(1) : null;
  }

  private static String urlOf(Object v) {
    if (v instanceof Map<?, ?> m) {
      Object u = m.get("url") != null ? m.get("url") : m.get("href");
      return u == null ? null : String.valueOf(u).strip();
    }
    return v instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static boolean isAudio(String url) {
    String path = url.replaceFirst("[?#].*$", "");
    return AUDIO.contains(FormatDetector.extension(path));
  }

  /**
   * People from {@code hosts}, {@code guests}, {@code authors} (the first author hosts, the others are guests: the way
   * a Docusaurus podcast blog lists an interview) and {@code speakers} (hosts if the show lists them as hosts).
   */
  private void people(EpisodeBuilder b, FrontMatter fm, SourceText source) {
    Map<String, Object> authors = site.authors(source.ref());
    Set<String> hosts = new LinkedHashSet<>();
    names(fm.value("hosts", "host"), authors).forEach(hosts::add);
    site.section(source.ref()).ifPresent(s -> names(s.value("hosts", "host"), authors).forEach(hosts::add));
    names(fm.value("hosts", "host"), authors).forEach(n -> b.addPerson(new Person(n, Role.HOST)));
    List<String> writers = names(fm.value("authors", "author"), authors);
    for (int i = 0; i < writers.size(); i++) {
      b.addPerson(new Person(writers.get(i), i == 0 || hosts.contains(writers.get(i)) ? Role.HOST : Role.GUEST));
    }
    names(fm.value("guests", "guest"), authors).forEach(n -> b.addPerson(new Person(n, Role.GUEST)));
    for (String speaker : names(fm.value("speakers", "speaker", "participants"), authors)) {
      Role role = hosts.isEmpty() ? Role.UNKNOWN : hosts.contains(speaker) ? Role.HOST : Role.GUEST;
      b.addPerson(new Person(speaker, role));
    }
  }

  /** Names from a string, a comma list, a map with a name, or a list of those; author keys resolved. */
  private static List<String> names(Object value, Map<String, Object> authors) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> out.addAll(names(v, authors)));
    } else if (value instanceof Map<?, ?> m) {
      Object name = m.get("name");
      if (name != null && !String.valueOf(name).isBlank()) {
        out.add(Texts.clean(String.valueOf(name)));
      }
    } else if (value instanceof String s) {
      for (String part : s.split(",")) {
        String key = Texts.clean(part);
        if (!key.isEmpty()) {
          Object entry = authors.get(key);
          List<String> resolved = entry instanceof Map<?, ?> ? names(entry, Map.of()) : List.of();
          out.add(resolved.isEmpty() ? key : resolved.get(0));
        }
      }
    }
    return out;
  }

  /** Chapter lists: lines that start with a time, as in {@code * **[12:09](#t=12:09)** Topic} or {@code 12:09 - Topic}. */
  static List<Chapter> chapters(String body) {
    List<Chapter> out = new ArrayList<>();
    Matcher m = CHAPTER_LINE.matcher(body);
    double last = -1;
    while (m.find()) {
      int seconds = Texts.clockSeconds(m.group(1));
      String title = Texts.clean(LINK.matcher(m.group(2)).replaceAll("$1").replaceAll("[*_`]", ""));
      if (seconds >= 0 && !title.isEmpty() && seconds >= last) {
        out.add(new Chapter(seconds, title));
        last = seconds;
      }
    }
    return out;
  }
}
