package dev.podsearch.importer;

import java.util.List;

/** Small, realistic sources of every format, written for the fuzz tests to mutate. */
final class FuzzSeeds {
  private FuzzSeeds() {}

  /** A seed: the name the file would have (its extension breaks format ties) and its text. */
  record Seed(String fileName, String text) {}

  static final Seed HTML_PAGE = new Seed("show/ep-12.html", """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8">
      <title>Ep 12: Queues all the way down | Backend Hours</title>
      <meta property="og:title" content="Queues all the way down">
      <meta property="og:audio" content="https://cdn.example.org/ep12.mp3">
      <link rel="canonical" href="https://backend.example.org/ep-12">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"PodcastEpisode",
        "name":"Queues all the way down","datePublished":"2023-02-14","duration":"PT52M10S",
        "partOfSeries":{"@type":"PodcastSeries","name":"Backend Hours"},"author":[{"@type":"Person","name":"Ann Host"}]}</script>
      </head><body><nav><a href="/">Home</a></nav>
      <article><h1>Queues all the way down</h1><time datetime="2023-02-14">Feb 14, 2023</time>
      <p>Hosts: Ann Host. Guest: Bo Guest</p>
      <audio src="https://cdn.example.org/ep12.mp3" controls></audio>
      <p>We talk about back-pressure, retries and <em>idempotency keys</em>.</p>
      <ul><li>00:00 Intro</li><li>12:09 Dead letter queues</li><li>40:00 Wrap-up</li></ul>
      <p>Tags: <a rel="tag" href="/tags/queues">queues</a> <a rel="tag" href="/tags/kafka">kafka</a></p>
      </article><footer>© 2023 Backend Hours</footer></body></html>
      """);

  static final Seed HTML_LISTING = new Seed("show/index.html", """
      <html><head><title>Backend Hours – all episodes</title></head><body><main>
      <article><h2><a href="/ep-11">Ep 11: Caches</a></h2><time datetime="2023-01-10">Jan 10</time><p>Why caches lie.</p></article>
      <article><h2><a href="/ep-12">Ep 12: Queues</a></h2><time datetime="2023-02-14">Feb 14</time><p>Back-pressure.</p></article>
      <article><h2><a href="/ep-13">Ep 13: Locks</a></h2><p>Distributed locks are hard.</p></article>
      </main></body></html>
      """);

  static final Seed RSS = new Seed("feeds/show.xml", """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
           xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Backend Hours</title><link>https://backend.example.org</link>
      <itunes:author>Ann Host</itunes:author>
      <item><title>Queues all the way down</title><link>https://backend.example.org/ep-12</link>
        <guid isPermaLink="false">ep-12</guid><pubDate>Tue, 14 Feb 2023 08:00:00 GMT</pubDate>
        <itunes:duration>52:10</itunes:duration><itunes:keywords>queues, kafka</itunes:keywords>
        <enclosure url="https://cdn.example.org/ep12.mp3" type="audio/mpeg" length="123"/>
        <podcast:person role="guest">Bo Guest</podcast:person>
        <description><![CDATA[<p>Back-pressure &amp; retries.</p>]]></description>
        <content:encoded><![CDATA[<ul><li>00:00 Intro</li><li>12:09 Dead letters</li></ul>]]></content:encoded>
      </item>
      <item><title>Caches</title><pubDate>Tue, 10 Jan 2023 08:00:00 +0100</pubDate><description>Why caches lie.</description></item>
      </channel></rss>
      """);

  static final Seed ATOM = new Seed("feeds/atom.xml", """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Backend Hours</title><id>urn:show</id>
      <entry><title>Locks</title><id>urn:ep-13</id><updated>2023-03-01T10:00:00Z</updated>
        <link rel="alternate" href="https://backend.example.org/ep-13"/>
        <link rel="enclosure" href="https://cdn.example.org/ep13.mp3" type="audio/mpeg"/>
        <author><name>Ann Host</name></author><category term="locks"/>
        <summary type="html">&lt;p&gt;Distributed locks are hard.&lt;/p&gt;</summary></entry>
      </feed>
      """);

  static final Seed SRT = new Seed("transcripts/ep-12.srt", """
      1
      00:00:00,500 --> 00:00:03,250
      Ann Host: Welcome back to Backend Hours.

      2
      00:00:03,250 --> 00:00:07,000
      Bo Guest: Thanks, glad to talk about queues.

      3
      00:01:02,000 --> 00:01:09,999
      <i>Back-pressure</i> is the whole story.
      """);

  static final Seed WEBVTT = new Seed("transcripts/ep-12.vtt", """
      WEBVTT Kind: captions

      NOTE hand-written seed

      intro
      00:00.500 --> 00:03.250 align:start
      <v Ann Host>Welcome back to Backend Hours.</v>

      00:00:03.250 --> 00:00:07.000
      <v Bo Guest>Thanks, <b>glad</b> to talk about queues.

      STYLE
      ::cue { color: red }

      01:02:00.000 --> 01:02:09.999
      Back-pressure is the whole story.
      """);

  static final Seed JSON_TRANSCRIPT = new Seed("transcripts/ep-12.json", """
      {"version": "1.0.0", "segments": [
        {"speaker": "Ann Host", "startTime": 0.5, "endTime": 3.25, "body": "Welcome back to Backend Hours."},
        {"speaker": "Bo Guest", "startTime": 3.25, "endTime": 7, "body": "Thanks, glad to talk about queues."},
        {"startTime": "62", "endTime": 69.9, "body": "Back-pressure is the whole story."}
      ]}
      """);

  static final Seed HTML_TRANSCRIPT = new Seed("transcripts/ep-12-transcript.html", """
      <html><body>
      <cite>Ann Host:</cite><time>0:00</time><p>Welcome back to Backend Hours.</p>
      <cite>Bo Guest:</cite><time>0:03</time><p>Thanks, glad to talk about queues.</p>
      <cite>Ann Host:</cite><time>1:02</time><p>Back-pressure is the whole story.</p>
      </body></html>
      """);

  static final Seed MARKDOWN = new Seed("episodes/2023-02-14-queues.md", """
      ---
      title: "Queues all the way down"
      date: 2023-02-14
      tags: [queues, kafka]
      guests:
        - name: Bo Guest
      hosts: [Ann Host]
      audio: https://cdn.example.org/ep12.mp3
      duration: "52:10"
      ---
      import Player from '@site/src/Player';

      # Queues all the way down

      <Player src="ep12.mp3" />

      We talk about **back-pressure**, [retries](https://example.org/retries) and idempotency keys.

      - 00:00 Intro
      - [12:09](#t=12:09) Dead letter queues
      - 40:00 — Wrap-up

      {{< youtube abc >}} {% raw %}x{% endraw %}

      | a | b |
      |---|---|
      | 1 | 2 |
      """);

  static final Seed TEXT_TRANSCRIPT = new Seed("gotime/gotime-12.md", """
      **Ann Host:** Welcome back to Backend Hours. \\[00:01\\]

      **Bo Guest:** Thanks, glad to talk about queues.

      **Ann Host:** \\[12:09\\] So, dead letter queues. [link](https://example.org)

      **Break:** \\[01:02:00\\]

      **Bo Guest:** Back-pressure is the whole story.
      """);

  static final Seed LISTING_TEXT = new Seed("show/listing.txt", """
      Ann Host
      Bo Guest

      Ep 12: Queues all the way down
      February 14, 2023
      We talk about back-pressure, retries and idempotency keys.

      Ep 11: Caches
      January 10, 2023
      Why caches lie.
      """);

  /** Every seed, each a different format. */
  static final List<Seed> ALL = List.of(HTML_PAGE, HTML_LISTING, RSS, ATOM, SRT, WEBVTT, JSON_TRANSCRIPT,
      HTML_TRANSCRIPT, MARKDOWN, TEXT_TRANSCRIPT, LISTING_TEXT);
}
