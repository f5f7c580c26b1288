package dev.podsearch.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.json.Json;
import dev.podsearch.search.EpisodeDetail;
import dev.podsearch.search.SearchService;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** HTTP for one episode: its stored fields with related episodes alongside. */
final class EpisodeController {
  private final SearchService service;

  EpisodeController(SearchService service) {
    this.service = service;
  }

  void episode(Context ctx) {
    String id = ctx.pathParam("id");
    EpisodeDetail detail = service.episode(id).orElseThrow(() -> new NotFoundResponse("no episode with id '" + id + "'"));
    ctx.json(view(detail));
  }

  // The episode's own fields at the top level, so clients read episode.title rather than episode.episode.title.
  private static ObjectNode view(EpisodeDetail detail) {
    ObjectNode node = Json.mapper().valueToTree(detail.episode());
    node.set("related", Json.mapper().valueToTree(detail.related()));
    return node;
  }
}
