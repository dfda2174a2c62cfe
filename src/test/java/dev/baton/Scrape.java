package dev.baton;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads /q/metrics as Prometheus does. */
public final class Scrape {

  private Scrape() {}

  /** The value of a series without labels, NaN when it is absent. */
  public static double value(String name) {
    String metrics = Ops.given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher line =
        Pattern.compile("^" + Pattern.quote(name) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
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
