package dev.podsearch.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.podsearch.episode.Episode;
import dev.podsearch.episode.Role;
import java.io.IOException;

/** The shared, thread-safe ObjectMapper: ISO dates (YYYY-MM-DD), lower-case roles, episode fields in contract order. */
public final class Json {
  private static final ObjectMapper MAPPER = build();

  private Json() {}

  /** The mapper every package uses. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One line of JSON; records are plain data, so a failure here is a bug. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  /** Reads a value written by {@link #write}. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read JSON as " + type.getSimpleName(), e);
    }
  }

  private static ObjectMapper build() {
    SimpleModule roles = new SimpleModule("podsearch-roles");
    roles.addSerializer(Role.class, new RoleSerializer());
    roles.addDeserializer(Role.class, new RoleDeserializer());
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(roles)
        .addMixIn(Episode.class, EpisodeOrder.class)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  @JsonPropertyOrder({
    "id", "podcast", "title", "url", "published", "durationSeconds", "audioUrl", "season", "episodeNumber", "people",
    "tags", "description", "text", "transcript", "chapters", "source", "contentHash"
  })
  private abstract static class EpisodeOrder {
    @JsonIgnore
    abstract Object toBuilder();
  }

  private static final class RoleSerializer extends JsonSerializer<Role> {
    @Override
    public void serialize(Role role, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(role.label());
    }
  }

  private static final class RoleDeserializer extends JsonDeserializer<Role> {
    @Override
    public Role deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Role.parse(p.getValueAsString());
    }
  }
}
