package dev.podsearch.search;

import java.time.Instant;

/**
 * The state of the index a service answers from.
 *
 * @param available false when there is no index yet (or it is closing)
 * @param lastCommit when the served commit was made, or null
 */
public record IndexStatus(boolean available, long episodes, long sizeBytes, Instant lastCommit) {}
