package dev.podsearch.episode;

import java.util.Objects;

/** A person who takes part in an episode, with the part they play. */
public record Person(String name, Role role) {
  public Person {
    Objects.requireNonNull(name, "name");
    role = role == null ? Role.UNKNOWN : role;
  }
}
