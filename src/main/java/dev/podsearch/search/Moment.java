package dev.podsearch.search;

/**
 * A matching stretch of a transcript.
 *
 * @param text HTML-escaped cue text with matches in {@code <mark>}
 * @param link the audio URL with {@code #t=SECONDS}, or the page URL when there is no audio
 * @param chapter the chapter the moment falls in, or null; {@code chapterStart} its start in seconds
 */
public record Moment(
    double start, double end, String speaker, String text, String link, String chapter, Double chapterStart) {}
