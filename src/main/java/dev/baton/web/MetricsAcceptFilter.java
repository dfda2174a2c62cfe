package dev.baton.web;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Lets {@code /q/metrics} answer in OpenMetrics whoever asks for it, and in the Prometheus text
 * format everyone else.
 *
 * <p>Quarkus's scrape route declares that it produces {@code text/plain} and {@code
 * application/openmetrics-text; version=1.0.0; charset=utf-8}, and Vert.x matches an {@code Accept}
 * entry only when it repeats every parameter of the declared type: {@code
 * application/openmetrics-text;version=1.0.0}, what Prometheus asks for first, gets 406. The
 * handler then picks the text format whenever {@code text/plain} appears anywhere in the header
 * (Prometheus lists it as a fallback) and OpenMetrics otherwise, also when there is no header.
 *
 * <p>So, before routing (Vert.x parses the header the first time a route needs it), this replaces
 * the {@code Accept} of a scrape by the one of the two that the caller prefers (by q-value,
 * OpenMetrics on a tie), spelled as the route declares it. With no header, or one that names
 * neither, the text format; with one that accepts neither, the header stays, and the answer is 406.
 */
@ApplicationScoped
public class MetricsAcceptFilter {

  static final String PATH = "/q/metrics";
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  static final String TEXT = "text/plain";

  /** The scrape is served on the management interface (application.properties). */
  void install(@Observes ManagementInterface management) {
    management
        .router()
        .route(HttpMethod.GET, PATH)
        .order(RequestHeadFilter.ORDER + 2)
        .handler(MetricsAcceptFilter::choose);
  }

  private static void choose(RoutingContext request) {
    String accept = request.request().getHeader(HttpHeaders.ACCEPT);
    String chosen = of(accept);
    if (chosen != null) {
      request.request().headers().set(HttpHeaders.ACCEPT, chosen);
    }
    request.next();
  }

  /** The format to serve for this {@code Accept}, null when it accepts neither. */
  static String of(String accept) {
    if (accept == null || accept.isBlank()) {
      return TEXT;
    }
    double openMetrics = 0;
    double text = 0;
    for (String entry : accept.split(",")) {
      String[] parts = entry.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      String version = null;
      for (int i = 1; i < parts.length; i++) {
        String[] parameter = parts[i].split("=", 2);
        String name = parameter[0].trim().toLowerCase(Locale.ROOT);
        String value = parameter.length == 2 ? parameter[1].trim() : "";
        if (name.equals("q")) {
          q = quality(value);
        } else if (name.equals("version")) {
          version = value;
        }
      }
      switch (type) {
        case "application/openmetrics-text", "application/*" -> {
          if (version == null || version.equals("1.0.0")) {
            openMetrics = Math.max(openMetrics, q);
          }
        }
        case "text/plain", "text/*", "*/*" -> text = Math.max(text, q);
        default -> {}
      }
    }
    if (openMetrics > 0 && openMetrics >= text) {
      return OPENMETRICS;
    }
    return text > 0 ? TEXT : null;
  }

  private static double quality(String value) {
    try {
      double q = Double.parseDouble(value);
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
