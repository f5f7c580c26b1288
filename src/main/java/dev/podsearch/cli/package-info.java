/**
 * The command line: {@code podsearch reindex | parse | search | stats | serve | bench}, built with picocli.
 *
 * <p>Exit codes: 0 ok, 1 some sources failed, 2 usage error.
 */
package dev.podsearch.cli;
