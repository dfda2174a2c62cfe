package dev.baton.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps: a string with a four-digit year and an offset. Anything else — a number of
 * seconds, a year beyond 9999 that PostgreSQL could not store — is refused as a client error.
 */
public final class Rfc3339 {

  public static final String EXPECTED = "must be an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z";

  private Rfc3339() {}

  public static Instant parse(String text) {
    OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    if (time.getYear() < 1 || time.getYear() > 9999) {
      throw new DateTimeException("year out of range: " + time.getYear());
    }
    return time.toInstant();
  }

  /** Jackson's reader of {@link Instant} for request bodies. */
  static final class Reader extends StdScalarDeserializer<Instant> {

    Reader() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      String text = parser.getText();
      try {
        return parse(text);
      } catch (DateTimeException e) {
        return (Instant) context.handleWeirdStringValue(Instant.class, text, EXPECTED);
      }
    }
  }
}
