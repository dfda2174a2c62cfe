package dev.baton.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.json.JsonBinder;
import dev.baton.json.Text;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads every JSON request body of Baton and reports all that is wrong with it at once: unknown
 * properties, wrong types, unknown enum values, NUL characters and the Bean Validation violations
 * of what could be read. Syntax errors (malformed JSON, duplicate keys, trailing content) stop the
 * reading and are reported alone, with their position.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json"})
public class StrictJsonReader implements ServerMessageBodyReader<Object> {

  private final ObjectMapper mapper;
  private final JsonBinder binder;
  private final long limit;

  public StrictJsonReader(ObjectMapper mapper, JsonBinder binder, BodyLimitFilter limit) {
    this.mapper = mapper;
    this.binder = binder;
    this.limit = limit.limit();
  }

  // The server's own forms of isReadable and readFrom: RESTEasy Reactive calls them without the
  // resource method's parameter annotations, which it would otherwise parse anew from the class
  // file twice for every request with a body (Method.getParameterAnnotations keeps no copy).
  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, ResteasyReactiveResourceInfo method, MediaType mediaType) {
    return readable(type);
  }

  @Override
  public Object readFrom(
      Class<Object> type, Type genericType, MediaType mediaType, ServerRequestContext context)
      throws IOException {
    return read(type, genericType, context.getInputStream());
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return readable(type);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    return read(type, genericType, body);
  }

  private static boolean readable(Class<?> type) {
    return type == JsonNode.class
        || type.isRecord() && type.getPackageName().startsWith("dev.baton")
        || List.class.isAssignableFrom(type);
  }

  private Object read(Class<Object> type, Type genericType, InputStream body) throws IOException {
    JsonNode tree = readTree(new LimitedInputStream(body, limit));
    if (tree == null) {
      return null;
    }
    List<FieldError> errors = new ArrayList<>();
    findInvalidText(tree, "", errors);
    if (JsonNode.class.equals(type)) {
      if (!errors.isEmpty()) {
        throw ProblemException.invalid(errors);
      }
      return tree;
    }
    return binder.bind(tree, genericType, errors);
  }

  /**
   * Reads and validates a body that its resource method takes as a stream, to read it only once it
   * is ready to: a batch waiting its turn holds the bytes it was sent, not a tree several times
   * their size. The same checks and problems as a body read before the method is called.
   */
  public <T> T readValid(InputStream body, Class<T> type) {
    JsonNode tree = readTree(new LimitedInputStream(body, limit));
    if (tree == null) {
      throw ProblemException.invalid(List.of(new FieldError("body", "must not be null")));
    }
    List<FieldError> errors = new ArrayList<>();
    findInvalidText(tree, "", errors);
    return binder.bindValid(tree, type, errors);
  }

  private JsonNode readTree(InputStream body) {
    try (JsonParser parser = mapper.createParser(body)) {
      if (parser.nextToken() == null) {
        return null;
      }
      JsonNode tree = mapper.readTree(parser);
      if (parser.nextToken() != null) {
        throw malformed("unexpected content after the JSON document", parser.currentLocation());
      }
      return tree;
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      if (reason != null && reason.startsWith("Duplicate field")) {
        reason = reason.replace("Duplicate field", "duplicate property");
      } else if (reason != null && reason.startsWith("Trailing token")) {
        reason = "unexpected content after the JSON document";
      } else {
        reason = "malformed JSON";
      }
      throw malformed(reason, e.getLocation());
    } catch (IOException e) {
      throw malformed("the body could not be read", null);
    }
  }

  /** Counts what is read and stops at the limit: a body sent without a length is bounded too. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {
    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw BodyLimitFilter.tooLarge(limit);
      }
    }
  }

  private static ProblemException malformed(String reason, JsonLocation at) {
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new ProblemException(
        ProblemType.MALFORMED_JSON,
        "The request body is not a valid JSON document: " + reason + where,
        List.of(new FieldError("body", reason + where)));
  }

  /** NUL characters and lone UTF-16 surrogates cannot be stored faithfully: refuse them. */
  private static void findInvalidText(JsonNode node, String path, List<FieldError> errors) {
    if (node.isNumber() && !Text.storableNumber(node)) {
      errors.add(new FieldError(path.isEmpty() ? "body" : path, "is out of range"));
    } else if (node.isTextual()) {
      String problem = Text.problem(node.textValue());

      if (problem != null) {
        errors.add(new FieldError(path.isEmpty() ? "body" : path, problem));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
        if (Text.problem(entry.getKey()) != null) {
          errors.add(
              new FieldError(
                  path.isEmpty() ? "body" : path,
                  "property names " + Text.problem(entry.getKey())));
        }
        findInvalidText(entry.getValue(), child, errors);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        findInvalidText(node.get(i), path + "[" + i + "]", errors);
      }
    }
  }
}
