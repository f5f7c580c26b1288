package dev.podsearch.web;

import dev.podsearch.episode.Chapter;
import dev.podsearch.episode.Cue;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Person;
import dev.podsearch.episode.Role;
import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.index.IndexUpdater;
import dev.podsearch.index.SourceInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-written episodes for the search page tests: one rich episode, one hostile one and enough plain ones for facets
 * and a second page of results.
 */
final class PageFixtures {
  static final String JAMMING_ID = "chain-talk-jamming";
  static final String JAMMING_TITLE = "Channel jamming on the Lightning Network";
  static final String JAMMING_AUDIO = "https://audio.example.org/chain-talk/jamming.mp3";
  static final String HOSTILE_ID = "hostile-notes";
  static final String HOSTILE_TITLE = "<script>window.__pwned=1</script> Hostile notes";
  static final String HOSTILE_IMG = "<img src=x onerror=\"window.__pwned=2\">";

  private PageFixtures() {}

  /** Every fixture episode, newest first. */
  static List<Episode> episodes() {
    List<Episode> all = new ArrayList<>();
    all.add(jamming());
    all.add(hostile());
    String[][] plain = {
      {"mempool-policy", "Mempool policy and package relay", "Chain Talk", "mempool,fees", "2024-01-20"},
      {"fee-markets", "Fee markets after the halving", "Block Hours", "fees,mining", "2023-10-02"},
      {"taproot-practice", "Taproot in practice", "Block Hours", "taproot,soft forks", "2023-07-14"},
      {"watchtowers", "Watchtowers keep Lightning channels safe", "Chain Talk", "lightning,security", "2023-05-30"},
      {"splicing", "Splicing comes to Lightning wallets", "Wallet Weekly", "lightning,wallets", "2023-03-11"},
      {"coinjoin", "Coinjoin and wallet privacy", "Wallet Weekly", "privacy,wallets", "2022-12-01"},
      {"mining-pools", "How mining pools share rewards", "Block Hours", "mining", "2022-09-19"},
      {"hardware-wallets", "Choosing a hardware wallet", "Wallet Weekly", "wallets,security", "2022-06-07"},
      {"p2p-encryption", "Encrypted peer connections", "Chain Talk", "p2p,privacy", "2022-03-23"},
      {"soft-fork-activation", "Soft fork activation, explained", "Block Hours", "soft forks", "2021-11-15"},
      {"channel-factories", "Channel factories and the future of Lightning", "Chain Talk", "lightning", "2021-08-08"},
      {"fee-bumping", "Fee bumping with CPFP and RBF", "Wallet Weekly", "fees,wallets", "2021-04-04"},
    };
    for (String[] p : plain) {
      all.add(plain(p[0], p[1], p[2], List.of(p[3].split(",")), LocalDate.parse(p[4])));
    }
    return all;
  }

  /** Writes every fixture episode into a new index in {@code dir}, in one commit. */
  static void writeIndex(Path dir) throws IOException {
    try (IndexUpdater updater = IndexUpdater.open(dir, true)) {
      for (Episode e : episodes()) {
        SourceInfo source = new SourceInfo("fixtures", e.source(), "html", e.contentHash());
        updater.replaceSource(source.key(), List.of(EpisodeSchema.toDocument(e, source)));
      }
      updater.commit(Map.of());
    }
  }

  static Episode jamming() {
    List<Cue> cues = new ArrayList<>();
    String[][] lines = {
      {"Ada Host", "Welcome back to Chain Talk."},
      {"Clara Guest", "Thanks for having me, happy to talk about jamming."},
      {"Ada Host", "So what is channel jamming, exactly?"},
      {"Clara Guest", "An attacker locks up liquidity by sending payments that never resolve."},
      {"Ada Host", "And what can node operators do about it?"},
      {"Clara Guest", "Reputation and upfront fees are the two main ideas."},
    };
    for (int i = 0; i < lines.length; i++) {
      cues.add(new Cue(i * 37.0, i * 37.0 + 30, lines[i][0], lines[i][1]));
    }
    return Episode.builder()
        .id(JAMMING_ID)
        .podcast("Chain Talk")
        .title(JAMMING_TITLE)
        .url("https://chaintalk.example.org/episodes/jamming")
        .audioUrl(JAMMING_AUDIO)
        .published(LocalDate.of(2024, 3, 12))
        .durationSeconds(3725)
        .season(2)
        .episodeNumber(14)
        .people(List.of(new Person("Ada Host", Role.HOST), new Person("Clara Guest", Role.GUEST)))
        .tags(List.of("lightning", "privacy"))
        .description("Clara explains how channel jamming attacks tie up Lightning liquidity, and what reputation can do.")
        .text("Show notes.\n\nWe talk about jamming, HTLC endorsement and upfront fees.")
        .transcript(cues)
        .chapters(List.of(new Chapter(0, "Introduction"), new Chapter(60, "What jamming is"), new Chapter(150, "Defences")))
        .source("chain-talk/jamming.html")
        .contentHash("hash-jamming")
        .build();
  }

  static Episode hostile() {
    return Episode.builder()
        .id(HOSTILE_ID)
        .podcast("<b>Evil</b> Radio")
        .title(HOSTILE_TITLE)
        .url("javascript:window.__pwned=3")
        .audioUrl("javascript:window.__pwned=4")
        .published(LocalDate.of(2024, 2, 2))
        .durationSeconds(600)
        .people(List.of(new Person("<i>Mallory</i>", Role.GUEST)))
        .tags(List.of("security"))
        .description(HOSTILE_IMG + " hostile description")
        .text("<script>window.__pwned=1</script> hostile show notes")
        .transcript(List.of(new Cue(5, 9, "<b>Eve</b>", HOSTILE_IMG + " hostile transcript")))
        .source("evil/hostile.html")
        .contentHash("hash-hostile")
        .build();
  }

  private static Episode plain(String id, String title, String podcast, List<String> tags, LocalDate published) {
    return Episode.builder()
        .id(id)
        .podcast(podcast)
        .title(title)
        .url("https://example.org/" + id)
        .audioUrl("https://audio.example.org/" + id + ".mp3")
        .published(published)
        .durationSeconds(1800 + title.length() * 30)
        .people(List.of(new Person("Ada Host", Role.HOST)))
        .tags(tags)
        .description("An episode about " + title.toLowerCase() + ".")
        .text("Notes for " + title + ".")
        .source(id + ".html")
        .contentHash("hash-" + id)
        .build();
  }
}
