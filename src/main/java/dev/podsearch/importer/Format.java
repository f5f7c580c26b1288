package dev.podsearch.importer;

/** The source formats podsearch reads; detected from content, the file name only breaking ties. */
public enum Format {
  /** The rendered text of an episode listing page: people's names, then each episode's text. */
  LISTING_TEXT,
  /** An HTML episode page, or a listing page of several episodes. */
  HTML,
  /** Markdown or MDX, with optional YAML front matter. */
  MARKDOWN,
  /** A plain-text transcript with {@code **Name:**} speakers and {@code \[mm:ss\]} timestamps. */
  TEXT_TRANSCRIPT,
  /** An RSS 2.0 or Atom feed. */
  FEED,
  /** A SubRip transcript. */
  SRT,
  /** A WebVTT transcript. */
  WEBVTT,
  /** A Podcasting 2.0 JSON transcript. */
  JSON_TRANSCRIPT,
  /** An HTML transcript made of cite, time and p elements. */
  HTML_TRANSCRIPT
}
