package dev.podsearch.search;

/** A search the user got wrong: names the parameter and what is wrong with it, in words a user can act on. */
public final class InvalidQueryException extends RuntimeException {
  private final String parameter;

  public InvalidQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The request parameter at fault ("q", "size", ...). */
  public String parameter() {
    return parameter;
  }
}
