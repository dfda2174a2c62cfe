package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every request a generated client sent and the status it got, checked against the operations of
 * the committed openapi.yaml: each must have answered at least one 2xx and at least one 4xx, or the
 * tour did not really drive the whole contract through that client.
 */
public final class CallLog {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  /** One operation of the contract: its method and path template, and a pattern of its paths. */
  private record Operation(String method, String template, Pattern paths) {

    String name() {
      return method + " " + template;
    }

    /** Literal characters of the template: the more, the more specific (batch before {id}). */
    int literals() {
      return template.replaceAll("\\{[^}]+}", "").length();
    }
  }

  private record Call(String method, String path, int status) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  public void record(String method, String path, int status) {
    calls.add(new Call(method.toUpperCase(Locale.ROOT), path, status));
  }

  /** Fails naming every operation that never answered a 2xx, or never a 4xx, to this client. */
  public void assertEveryOperationAnsweredSuccessAndError() {
    List<Operation> operations = operations();
    Set<String> succeeded = new TreeSet<>();
    Set<String> refused = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (Call call : calls) {
      Optional<Operation> operation = operationOf(operations, call);
      if (operation.isEmpty()) {
        unknown.add(call.method() + " " + call.path());
      } else if (call.status() / 100 == 2) {
        succeeded.add(operation.get().name());
      } else if (call.status() / 100 == 4) {
        refused.add(operation.get().name());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Operation operation : operations) {
      if (!succeeded.contains(operation.name())) {
        missing.add(operation.name() + " (no 2xx)");
      }
      if (!refused.contains(operation.name())) {
        missing.add(operation.name() + " (no 4xx)");
      }
    }
    assertEquals(List.of(), missing, "operations the client never drove both ways");
    assertEquals(Set.of(), unknown, "requests to paths that openapi.yaml does not declare");
  }

  private static Optional<Operation> operationOf(List<Operation> operations, Call call) {
    return operations.stream()
        .filter(o -> o.method().equals(call.method()) && o.paths().matcher(call.path()).matches())
        .max(Comparator.comparingInt(Operation::literals));
  }

  /** The operations of openapi.yaml, read at test time so that a new one cannot be forgotten. */
  private static List<Operation> operations() {
    JsonNode paths;
    try {
      paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read openapi.yaml", e);
    }
    List<Operation> operations = new ArrayList<>();
    paths
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            operations.add(
                                new Operation(
                                    method.toUpperCase(Locale.ROOT),
                                    path.getKey(),
                                    Pattern.compile(
                                        path.getKey().replaceAll("\\{[^}]+}", "[^/]+"))));
                          }
                        }));
    assertFalse(operations.isEmpty(), "no operations in openapi.yaml");
    return operations;
  }
}
