package dev.baton.web;

import dev.baton.testing.CapturedLog;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * Every URL a request of a session went to or was sent to, and every request id it was answered
 * with: a RestAssured filter. And the access-log lines written for them.
 */
final class SessionRecorder implements Filter {

  private static final String ACCESS_LOG = "[io.quarkus.http.access-log]";

  final List<String> urls = new ArrayList<>();
  final List<String> requestIds = new ArrayList<>();

  @Override
  public synchronized Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    Response answer = context.next(request, response);
    urls.add(request.getMethod() + " " + request.getURI());
    if (answer.getHeader("Location") != null) {
      urls.add("Location: " + answer.getHeader("Location"));
    }
    requestIds.add(answer.getHeader(RequestIdFilter.HEADER));
    return answer;
  }

  /** The access-log lines once the line of the last request is written (after its answer). */
  static List<String> awaitAccessLines(CapturedLog log, String lastRequestId)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<String> lines =
          log.lines().stream()
              .map(CapturedLog.Line::text)
              .filter(line -> line.contains(ACCESS_LOG))
              .toList();
      if (lines.stream().anyMatch(line -> line.contains(" " + lastRequestId + " "))
          || System.nanoTime() > deadline) {
        return lines;
      }
      Thread.sleep(50);
    }
  }
}
