package dev.baton.board;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The scoreboard as a browser without script reads it: a session cookie and HTML. */
final class BoardPages {

  private BoardPages() {}

  static RequestSpecification signedIn(String key) {
    return given().cookie(BoardSession.COOKIE, key).redirects().follow(false);
  }

  /** The page's HTML, answered 200 to a signed-in browser. */
  static String page(String key, String path, Map<String, ?> query) {
    return signedIn(key)
        .queryParams(query)
        .get(path)
        .then()
        .statusCode(200)
        .contentType("text/html")
        .extract()
        .asString();
  }
}
