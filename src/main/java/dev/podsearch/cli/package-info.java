/**
 * The command line: {@code podsearch reindex | parse | search | stats | serve | bench}, built with picocli.
 *
 * <p>Exit codes ({@code ExitCodes}): 0 ok, 1 some sources failed, 2 usage error, 3 not done (index
 * locked or an unexpected error; the index is unchanged).
 */
package dev.podsearch.cli;
