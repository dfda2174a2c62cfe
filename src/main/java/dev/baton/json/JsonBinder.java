package dev.baton.json;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Binds JSON trees to request records and reports everything wrong at once: each binding error
 * (unknown property, wrong type, unknown enum value) is recorded, the offending value dropped and
 * the tree bound again; then Bean Validation adds the violations of what could be bound.
 */
@ApplicationScoped
public class JsonBinder {

  private static final int MAX_REPORTED = 50;

  private final ObjectMapper mapper;
  private final Validator validator;

  public JsonBinder(ObjectMapper mapper, ValidatorFactory validators) {
    this.mapper = mapper;
    this.validator =
        validators.usingContext().traversableResolver(new EveryProperty()).getValidator();
  }

  /** Binds and validates: the record, or a 400 naming every offending field. */
  public <T> T bindValid(JsonNode tree, Class<T> type) {
    return bindValid(tree, type, new ArrayList<>());
  }

  /** As {@link #bindValid(JsonNode, Class)}, reporting too the errors already found in the tree. */
  public <T> T bindValid(JsonNode tree, Class<T> type, List<FieldError> errors) {
    T value = bind(tree, type, errors);
    addViolations(value, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return value;
  }

  /** Binds a tree to a record, gathering every binding error and validation violation. */
  public <T> T bind(JsonNode tree, Type type, List<FieldError> errors) {
    // The tree is copied only when a value must be dropped: most bodies bind at the first try.
    JsonNode remaining = tree;
    var javaType = mapper.getTypeFactory().constructType(type);
    for (int attempt = 0; attempt < MAX_REPORTED; attempt++) {
      try {
        T value = mapper.readerFor(javaType).readValue(remaining);
        if (!errors.isEmpty()) {
          addViolations(value, errors);
          throw ProblemException.invalid(errors);
        }
        return value;
      } catch (JsonMappingException e) {
        String field = path(e);
        errors.add(new FieldError(field.isEmpty() ? "body" : field, message(e)));
        // Drop the offending value and read again, so that the next problem is found too.
        if (remaining == tree) {
          remaining = tree.deepCopy();
        }
        if (field.isEmpty() || !remove(remaining, e.getPath())) {
          throw ProblemException.invalid(errors);
        }
      } catch (IOException e) {
        errors.add(new FieldError("body", "could not be read"));
        throw ProblemException.invalid(errors);
      }
    }
    throw ProblemException.invalid(errors);
  }

  private void addViolations(Object value, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    List<String> reported = errors.stream().map(FieldError::field).toList();
    for (ConstraintViolation<Object> violation : validator.validate(value)) {
      String field = violation.getPropertyPath().toString();
      boolean already =
          reported.stream()
              .anyMatch(
                  r -> field.equals(r) || field.startsWith(r + ".") || r.startsWith(field + "."));
      if (!already) {
        errors.add(new FieldError(field, violation.getMessage()));
      }
    }
  }

  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> refs) {
    JsonNode parent = tree;
    for (int i = 0; i < refs.size() - 1; i++) {
      JsonMappingException.Reference ref = refs.get(i);
      parent =
          ref.getFieldName() != null ? parent.get(ref.getFieldName()) : parent.get(ref.getIndex());
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = refs.get(refs.size() - 1);
    if (parent instanceof ObjectNode object
        && last.getFieldName() != null
        && object.has(last.getFieldName())) {
      object.remove(last.getFieldName());
      return true;
    }
    if (parent instanceof ArrayNode array
        && last.getIndex() >= 0
        && last.getIndex() < array.size()) {
      if (array.get(last.getIndex()).isNull()) {
        return false;
      }
      array.set(last.getIndex(), NullNode.getInstance());
      return true;
    }
    return false;
  }

  static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown property";
    }
    if (e.getCause() instanceof InputCoercionException) {
      return "is out of range";
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "has an invalid value";
    }
    if (target.isEnum()) {
      return "must be one of "
          + Arrays.toString(target.getEnumConstants()).replace("[", "").replace("]", "");
    }
    if (e instanceof InvalidFormatException f
        && f.getValue() instanceof String
        && isNumber(target)) {
      return "must be a number, not a string";
    }
    return "must be " + describe(target);
  }

  private static boolean isNumber(Class<?> target) {
    return Number.class.isAssignableFrom(target) || target == int.class || target == long.class;
  }

  private static String describe(Class<?> target) {
    if (target == String.class) return "a string";
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == BigInteger.class) {
      return "an integer within range";
    }
    if (target == BigDecimal.class || target == Double.class) return "a number";
    if (target == Boolean.class || target == boolean.class) return "true or false";
    if (target == UUID.class) return "a UUID";
    if (Temporal.class.isAssignableFrom(target))
      return "an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z";
    if (Map.class.isAssignableFrom(target) || target.isRecord()) return "a JSON object";
    if (List.class.isAssignableFrom(target) || target.isArray()) return "a JSON array";
    return "a valid " + target.getSimpleName();
  }

  /**
   * Request records are plain values, never entities: every property is loaded and reachable, and
   * asking the persistence provider so for each of them is work for nothing.
   */
  private static final class EveryProperty implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
      return true;
    }
  }
}
