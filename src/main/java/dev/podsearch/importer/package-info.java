/**
 * Turns source files and URLs into {@link dev.podsearch.episode.Episode} records.
 *
 * <p>The only package that touches Jsoup. {@link dev.podsearch.importer.SourceScanner} finds the sources under the
 * roots an operator names, {@link dev.podsearch.importer.Importer} detects each source's format from its content and
 * hands it to the one parser for that format. A source that cannot be parsed becomes a {@link
 * dev.podsearch.importer.ParseOutcome.Failed} naming the file, line if known, and reason; it never stops the others.
 */
package dev.podsearch.importer;
