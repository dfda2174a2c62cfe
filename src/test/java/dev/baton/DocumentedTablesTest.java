package dev.baton;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.event.EventType;
import dev.baton.lead.Funnel;
import dev.baton.problem.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/api.md prints the tables the code holds — the funnel's moves, the event types, the problem
 * types — from the code itself: a table that changes in one place and not the other fails here.
 */
class DocumentedTablesTest {

  static Stream<Named<Supplier<String>>> tables() {
    return Stream.of(
        Named.of("Funnel.markdown()", Funnel::markdown),
        Named.of("EventType.markdown()", EventType::markdown),
        Named.of("ProblemType.markdown()", ProblemType::markdown));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void apiDocumentContainsTheTableTheCodePrints(Supplier<String> table) throws IOException {
    String document = Files.readString(Path.of("docs", "api.md"));
    String printed = table.get();
    assertTrue(document.contains(printed), "docs/api.md must contain this table:\n" + printed);
  }
}
