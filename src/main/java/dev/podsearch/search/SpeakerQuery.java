package dev.podsearch.search;

import dev.podsearch.index.EpisodeSchema;
import dev.podsearch.search.UserQuery.AnyOf;
import dev.podsearch.search.UserQuery.Phrase;
import dev.podsearch.search.UserQuery.Said;
import dev.podsearch.search.UserQuery.Unit;
import dev.podsearch.search.UserQuery.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The query for {@code speaker:"Name" words}: every word (or quoted phrase) must be in that speaker's own cues, searched
 * in {@link EpisodeSchema#SAID}, whose terms carry the speaker key. A name matches the speakers whose key is the name's
 * key, or holds all its parts ({@code speaker:jerod} finds Jerod Santo); without words, it finds the episodes the
 * speaker speaks in, or is one of the people of.
 */
final class SpeakerQuery {
  /** A name matching more speakers than this is too vague to be worth a query. */
  static final int MAX_SPEAKERS = 20;

  private final IndexReader reader;
  private final QueryBuilder analyzing = new QueryBuilder(EpisodeSchema.analyzer());

  private SpeakerQuery(IndexReader reader) {
    this.reader = reader;
  }

  /** The query for what one of {@code said}'s speakers said. */
  static Query build(IndexReader reader, Said said) throws IOException {
    return new SpeakerQuery(reader).build(said);
  }

  private Query build(Said said) throws IOException {
    List<String> keys = keys(said.speakers());
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    for (Unit unit : said.units()) {
      Query q = keys.isEmpty() ? null : unit(unit, keys);
      if (q != null) {
        all.add(q, Occur.MUST);
        any = true;
      }
    }
    if (!any) {
      return speaks(keys, said.speakers());
    }
    return new BoostQuery(all.build(), Scope.SearchField.TRANSCRIPT.boost);
  }

  /** Episodes in which one of the speakers speaks, or which name them among their people. */
  private Query speaks(List<String> keys, List<String> names) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    keys.forEach(k -> b.add(new TermQuery(new Term(EpisodeSchema.SPEAKER, k)), Occur.SHOULD));
    for (String name : names) {
      Query person = analyzing.createPhraseQuery(EpisodeSchema.PEOPLE, name);
      if (person != null) {
        b.add(person, Occur.SHOULD);
      }
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? new MatchNoDocsQuery("no such speaker") : q;
  }

  private Query unit(Unit unit, List<String> keys) {
    if (unit instanceof AnyOf group) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      group.units().stream().map(u -> unit(u, keys)).filter(q -> q != null).forEach(q -> b.add(q, Occur.SHOULD));
      BooleanQuery q = b.build();
      return q.clauses().isEmpty() ? null : q;
    }
    BooleanQuery.Builder perSpeaker = new BooleanQuery.Builder();
    boolean any = false;
    for (String key : keys) {
      Query q = unit instanceof Word w && w.prefix() ? prefix(w.text(), key) : words(text(unit), key);
      if (q != null) {
        perSpeaker.add(q, Occur.SHOULD);
        any = true;
      }
    }
    return any ? perSpeaker.build() : null;
  }

  private static String text(Unit unit) {
    return unit instanceof Word w ? w.text() : ((Phrase) unit).text();
  }

  private static Query prefix(String text, String key) {
    String prefix = text.strip().toLowerCase(Locale.ROOT);
    return prefix.isEmpty() ? null : new PrefixQuery(new Term(EpisodeSchema.SAID, EpisodeSchema.saidTerm(key, prefix)));
  }

  /** The words analysed as the transcript is, then moved to the speaker's terms; null for stop words only. */
  private Query words(String text, String key) {
    Query q = analyzing.createPhraseQuery(EpisodeSchema.TRANSCRIPT, text);
    if (q instanceof TermQuery tq) {
      return new TermQuery(said(key, tq.getTerm()));
    }
    if (q instanceof PhraseQuery pq) {
      PhraseQuery.Builder b = new PhraseQuery.Builder();
      for (int i = 0; i < pq.getTerms().length; i++) {
        b.add(said(key, pq.getTerms()[i]), pq.getPositions()[i]);
      }
      return b.build();
    }
    return null;
  }

  private static Term said(String key, Term transcriptTerm) {
    return new Term(EpisodeSchema.SAID, EpisodeSchema.saidTerm(key, transcriptTerm.text()));
  }

  /** The indexed speaker keys each name matches: the same key, or a key holding all of the name's parts. */
  private List<String> keys(List<String> names) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    Terms terms = MultiTerms.getTerms(reader, EpisodeSchema.SPEAKER);
    if (terms == null) {
      return List.of();
    }
    for (String name : names) {
      String wanted = EpisodeSchema.speakerKey(name);
      if (wanted.isEmpty()) {
        continue;
      }
      List<String> parts = Arrays.asList(wanted.split("_"));
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null && out.size() < MAX_SPEAKERS; t = te.next()) {
        String key = t.utf8ToString();
        if (key.equals(wanted) || Arrays.asList(key.split("_")).containsAll(parts)) {
          out.add(key);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
