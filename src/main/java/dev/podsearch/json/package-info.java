/**
 * The one JSON mapping of podsearch's records, shared by the index (stored episodes), the CLI ({@code parse}, {@code
 * search --json}) and the web API, so that an episode looks the same everywhere.
 *
 * <p>A small addition to the architecture's package list: without it each of three packages would configure Jackson
 * on its own and drift apart. It depends only on {@code episode} and Jackson.
 */
package dev.podsearch.json;
