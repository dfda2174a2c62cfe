package dev.baton.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.Map;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How jsonb columns (lead attributes, event data) are read and written: decimals stay exact ({@code
 * BigDecimal}), so a number in {@code attributes} reads back exactly as it was sent. Separate from
 * the REST mapper, whose strictness is for requests.
 */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumns implements FormatMapper {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final FormatMapper delegate = new JacksonJsonFormatMapper(MAPPER);

  /** {@code value} as a jsonb column holds it, for a statement written in SQL. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not writable as JSON: " + value.getClass(), e);
    }
  }

  /** A jsonb object as Hibernate reads it into a {@code Map}, for a row read in SQL. */
  public static Map<String, Object> readObject(String json) {
    try {
      return MAPPER.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON object: " + json, e);
    }
  }

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  @Override
  public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
    return delegate.fromString(json, type, options);
  }

  @Override
  public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
    return delegate.toString(value, type, options);
  }
}
