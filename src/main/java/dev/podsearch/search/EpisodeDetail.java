package dev.podsearch.search;

import dev.podsearch.episode.Episode;
import java.util.List;

/** Everything stored about one episode, with up to five related episodes. */
public record EpisodeDetail(Episode episode, List<Hit> related) {}
