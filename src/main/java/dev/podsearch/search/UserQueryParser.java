package dev.podsearch.search;

import dev.podsearch.search.UserQuery.AnyOf;
import dev.podsearch.search.UserQuery.Phrase;
import dev.podsearch.search.UserQuery.Said;
import dev.podsearch.search.UserQuery.Unit;
import dev.podsearch.search.UserQuery.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the query language leniently: words, "quoted phrases", -word / NOT word, +word, OR, AND, prefix*, and field
 * scopes like {@code title:word}, {@code tag:"two words"} or {@code person:(a b)}.
 *
 * <p>Anything that is not syntax is taken as text: stray parentheses are ignored, an unclosed quote runs to the end,
 * an unknown {@code name:} prefix is part of the word. Only input that cannot mean anything is refused, with an {@link
 * InvalidQueryException} naming "q". Runs in one pass over the text, so it cannot hang.
 */
final class UserQueryParser {
  /** More terms than this make no sense as a search and would blow up the query (each term spans many fields). */
  static final int MAX_TERMS = 64;

  private final String q;
  private int pos;
  private boolean matchAll;
  private boolean sawOperator;
  private final List<Piece> pieces = new ArrayList<>();
  private final List<String> speakers = new ArrayList<>();
  private static final String SPEAKER = "speaker";

  private UserQueryParser(String q) {
    this.q = q;
  }

  /** Parses {@code q}; a blank text gives a blank query. */
  static UserQuery parse(String q) {
    UserQueryParser parser = new UserQueryParser(q == null ? "" : q);
    parser.read();
    return parser.combine();
  }

  private enum Op {
    UNIT,
    OR,
    AND,
    NOT
  }

  private record Piece(Op op, Unit unit, char sign) {}

  private void read() {
    while (pos < q.length()) {
      char c = q.charAt(pos);
      if (Character.isWhitespace(c) || c == '(' || c == ')') {
        pos++;
        continue;
      }
      char sign = readSign();
      if (pos < q.length() && q.charAt(pos) == '"') {
        add(new Phrase(Scope.ALL, readQuoted()), sign);
      } else {
        readToken(sign);
      }
    }
  }

  private char readSign() {
    char c = q.charAt(pos);
    boolean signChar = c == '-' || c == '+' || c == '!';
    if (signChar && pos + 1 < q.length() && !Character.isWhitespace(q.charAt(pos + 1))) {
      pos++;
      return c == '+' ? '+' : '-';
    }
    return 0;
  }

  private String readQuoted() {
    int close = q.indexOf('"', pos + 1);
    int end = close < 0 ? q.length() : close;
    String text = q.substring(pos + 1, end);
    pos = close < 0 ? q.length() : close + 1;
    return text;
  }

  private void readToken(char sign) {
    int start = pos;
    while (pos < q.length() && !endsToken(q.charAt(pos))) {
      pos++;
    }
    String token = q.substring(start, pos);
    if (sign == 0 && operator(token) != null) {
      pieces.add(new Piece(operator(token), null, (char) 0));
      sawOperator = true;
      return;
    }
    int colon = token.indexOf(':');
    if (colon > 0 && token.substring(0, colon).equalsIgnoreCase(SPEAKER)) {
      readSpeaker(token, colon);
      return;
    }
    Optional<Scope> scope = colon > 0 ? Scope.named(token.substring(0, colon)) : Optional.empty();
    if (scope.isEmpty()) {
      add(word(Scope.ALL, token, start, pos), sign);
    } else if (colon + 1 < token.length()) {
      add(word(scope.get(), token.substring(colon + 1), start + colon + 1, pos), sign);
    } else {
      add(scopedValue(scope.get(), token), sign);
    }
  }

  /** {@code speaker:Name} or {@code speaker:"Full Name"}: the query's plain words become what that speaker said. */
  private void readSpeaker(String token, int colon) {
    String name = colon + 1 < token.length() ? token.substring(colon + 1)
        : pos < q.length() && q.charAt(pos) == '"' ? readQuoted() : "";
    if (name.isBlank()) {
      throw new InvalidQueryException(
          "q", "'" + token + "' needs a name after it, for example speaker:\"Ada Lovelace\" compilers");
    }
    speakers.add(name.strip());
  }

  private static boolean endsToken(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '(' || c == ')';
  }

  private static Op operator(String token) {
    return switch (token) {
      case "OR", "||" -> Op.OR;
      case "AND", "&&" -> Op.AND;
      case "NOT" -> Op.NOT;
      default -> null;
    };
  }

  /** What follows {@code name:} when it is not glued to a word: a quoted phrase or a parenthesised list. */
  private Unit scopedValue(Scope scope, String token) {
    if (pos < q.length() && q.charAt(pos) == '"') {
      return new Phrase(scope, readQuoted());
    }
    if (pos < q.length() && q.charAt(pos) == '(') {
      List<Unit> units = readGroup(scope);
      if (!units.isEmpty()) {
        return units.size() == 1 ? units.get(0) : new AnyOf(units);
      }
    }
    throw new InvalidQueryException(
        "q", "'" + token + "' needs a word or \"phrase\" after it, for example " + token + "kubernetes");
  }

  private List<Unit> readGroup(Scope scope) {
    pos++; // the '('
    List<Unit> units = new ArrayList<>();
    while (pos < q.length() && q.charAt(pos) != ')') {
      char c = q.charAt(pos);
      if (Character.isWhitespace(c) || c == '(') {
        pos++;
      } else if (c == '"') {
        units.add(new Phrase(scope, readQuoted()));
      } else {
        int start = pos;
        while (pos < q.length() && !endsToken(q.charAt(pos))) {
          pos++;
        }
        String token = q.substring(start, pos);
        Unit unit = operator(token) != null ? null : word(scope, token, start, pos);
        if (unit != null) {
          units.add(unit);
        }
      }
    }
    pos = Math.min(pos + 1, q.length()); // the ')', if there is one
    return units;
  }

  private Unit word(Scope scope, String raw, int start, int end) {
    boolean prefix = raw.endsWith("*") && raw.length() > 1;
    String text = raw.replace("*", "").replace("?", "");
    if (text.isEmpty()) {
      matchAll |= raw.contains("*");
      return null;
    }
    return new Word(scope, text, prefix, start, end);
  }

  private void add(Unit unit, char sign) {
    if (unit != null) {
      pieces.add(new Piece(Op.UNIT, unit, sign));
    }
  }

  private UserQuery combine() {
    List<Piece> entries = new ArrayList<>();
    Op pending = null;
    boolean negateNext = false;
    for (Piece piece : pieces) {
      if (piece.op() == Op.NOT) {
        negateNext = true;
        continue;
      }
      if (piece.op() != Op.UNIT) {
        pending = entries.isEmpty() ? null : piece.op();
        continue;
      }
      char sign = negateNext ? '-' : piece.sign();
      negateNext = false;
      Piece last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
      if (pending == Op.OR && sign != '-' && last.sign() != '-') {
        entries.set(entries.size() - 1, new Piece(Op.UNIT, anyOf(last.unit(), piece.unit()), orSign(last, sign)));
      } else if (pending == Op.AND) {
        entries.set(entries.size() - 1, new Piece(Op.UNIT, last.unit(), last.sign() == 0 ? '+' : last.sign()));
        entries.add(new Piece(Op.UNIT, piece.unit(), sign == 0 ? '+' : sign));
      } else {
        entries.add(new Piece(Op.UNIT, piece.unit(), sign));
      }
      pending = null;
    }
    checkSize(entries);
    return classify(entries);
  }

  private static char orSign(Piece last, char sign) {
    return last.sign() == '+' || sign == '+' ? '+' : 0;
  }

  private static Unit anyOf(Unit a, Unit b) {
    List<Unit> units = new ArrayList<>(a instanceof AnyOf group ? group.units() : List.of(a));
    units.add(b);
    return new AnyOf(List.copyOf(units));
  }

  private void checkSize(List<Piece> entries) {
    if (entries.isEmpty() && sawOperator && !matchAll) {
      throw new InvalidQueryException(
          "q", "'" + q.strip() + "' has only operators (AND, OR, NOT) and no words to search for");
    }
    int terms = entries.stream().mapToInt(e -> count(e.unit())).sum();
    if (terms > MAX_TERMS) {
      throw new InvalidQueryException(
          "q", "has " + terms + " search terms; at most " + MAX_TERMS + " are allowed, please shorten the query");
    }
  }

  private static int count(Unit unit) {
    return unit instanceof AnyOf group ? group.units().stream().mapToInt(UserQueryParser::count).sum() : 1;
  }

  private UserQuery classify(List<Piece> entries) {
    List<Unit> optional = new ArrayList<>();
    List<Unit> required = new ArrayList<>();
    List<Unit> excluded = new ArrayList<>();
    List<Unit> said = new ArrayList<>();
    for (Piece e : entries) {
      if (!speakers.isEmpty() && e.sign() != '-' && isUnscoped(e.unit())) {
        said.add(e.unit());
        continue;
      }
      if (e.sign() == '-') {
        excluded.add(e.unit());
      } else if (e.sign() == '+' || !isPlain(e.unit())) {
        required.add(e.unit());
      } else {
        optional.add(e.unit());
      }
    }
    if (!speakers.isEmpty()) {
      required.add(new Said(List.copyOf(speakers), List.copyOf(said)));
    }
    return new UserQuery(List.copyOf(optional), List.copyOf(required), List.copyOf(excluded), matchAll);
  }

  /** Words and phrases searched everywhere: with a {@code speaker:}, they are what the speaker said. */
  private static boolean isUnscoped(Unit unit) {
    if (unit instanceof Word w) {
      return w.scope() == Scope.ALL;
    }
    if (unit instanceof Phrase p) {
      return p.scope() == Scope.ALL;
    }
    return unit instanceof AnyOf group && group.units().stream().allMatch(UserQueryParser::isUnscoped);
  }

  /** Plain words rank; phrases and scoped terms say what the user insists on, so they must match. */
  private static boolean isPlain(Unit unit) {
    if (unit instanceof Word w) {
      return w.scope() == Scope.ALL;
    }
    return unit instanceof AnyOf group && group.units().stream().allMatch(UserQueryParser::isPlain);
  }
}
