package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;

/**
 * Reads /q/metrics as Prometheus does. Every test that scrapes goes through here, so that where the
 * operations endpoints are served is known in one place.
 */
public final class Scrape {

  private static final String PATH = "/q/metrics";

  private Scrape() {}

  /** The scrape answer to {@code request} (headers, credentials), whatever its status. */
  public static Response get(RequestSpecification request) {
    return request.port(Ops.port()).get(PATH);
  }

  /** The scrape answer to a request with this {@code Accept} header. */
  public static Response accepting(String accept) {
    return get(RestAssured.given().header("Accept", accept));
  }

  /**
   * The scrape answer to a request with no {@code Accept} header at all, which RestAssured cannot
   * send (it sends {@code *}{@code /*}).
   */
  public static HttpResponse<String> withoutAccept() throws IOException, InterruptedException {
    URI uri = URI.create(RestAssured.baseURI + ":" + Ops.port() + PATH);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
  }

  /** The scrape, as RestAssured asks for it by default. */
  public static String text() {
    return get(RestAssured.given()).then().statusCode(200).extract().asString();
  }

  /**
   * Every series of a scrape, by name and labels as written in a query ({@code
   * name{label="value"}}), with its value. The text format ends the labels with a comma,
   * OpenMetrics does not: both read the same here.
   */
  public static Map<String, Double> series(String scrape) {
    Map<String, Double> series = new LinkedHashMap<>();
    scrape
        .lines()
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .forEach(
            line -> {
              int space = line.lastIndexOf(' ');
              series.put(
                  line.substring(0, space).replace(",}", "}"), number(line.substring(space + 1)));
            });
    return series;
  }

  private static double number(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  /** The value of a series ({@code name} or {@code name{labels}}); fails when it is absent. */
  public static double value(String series) {
    Double value = series(text()).get(series);
    if (value == null) {
      fail(series + " is not in /q/metrics");
    }
    return value;
  }

  /**
   * Scrapes until the series satisfies {@code wanted} and answers its value: gauges read from the
   * database change only when a replica refreshes them, so a test waits rather than times.
   */
  public static double await(String name, DoublePredicate wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    double value = Double.NaN;
    while (System.nanoTime() < deadline) {
      value = value(name);
      if (wanted.test(value)) {
        return value;
      }
      Thread.sleep(200);
    }
    fail(name + " stayed at " + value);
    return value;
  }
}
