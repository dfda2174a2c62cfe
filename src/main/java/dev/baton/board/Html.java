package dev.baton.board;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

/** How every page of the scoreboard is answered. */
final class Html {

  static final String TYPE = "text/html;charset=UTF-8";

  private Html() {}

  static Response page(int status, TemplateInstance template) {
    return builder(status, template).build();
  }

  /** A page, which no cache keeps, no other site frames, and which runs no script. */
  static Response.ResponseBuilder builder(int status, TemplateInstance template) {
    return Response.status(status)
        .type(TYPE)
        .entity(template.render())
        .header("Cache-Control", "no-store")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff");
  }
}
