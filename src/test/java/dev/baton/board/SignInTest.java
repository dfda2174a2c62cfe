package dev.baton.board;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import dev.baton.testing.Api;
import dev.baton.testing.Api.As;
import dev.baton.testing.Leads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the scoreboard with an API key of any role, for the browser's session only; and
 * what a wrong, revoked or missing key gets.
 */
@QuarkusTest
class SignInTest {

  @Test
  void withoutAKeyThePageSendsToSignIn() {
    given()
        .redirects()
        .follow(false)
        .get("/board")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/board/sign-in"));
    given()
        .get("/board/sign-in")
        .then()
        .statusCode(200)
        .contentType("text/html")
        .header("Content-Security-Policy", containsString("default-src 'none'"))
        .body(containsString("<label for=\"key\">API key</label>"));
  }

  @Test
  void aKeyOfAnyRoleSignsInForTheSessionOnly() {
    for (As role : As.values()) {
      given()
          .redirects()
          .follow(false)
          .formParam("key", Api.key(role))
          .post("/board/sign-in")
          .then()
          .statusCode(303)
          .header("Location", endsWith("/board"))
          .header(
              "Set-Cookie",
              allOf(
                  containsString(BoardSession.COOKIE + "=" + Api.key(role)),
                  containsString("Path=/board"),
                  containsString("HttpOnly"),
                  containsString("SameSite=Strict"),
                  not(containsString("Max-Age")),
                  not(containsString("Expires"))));
      BoardPages.signedIn(Api.key(role))
          .get("/board")
          .then()
          .statusCode(200)
          .body(containsString("Signed in as"));
    }
  }

  @Test
  void aWrongKeyIsToldSo() {
    given()
        .formParam("key", "bk_not-a-key")
        .post("/board/sign-in")
        .then()
        .statusCode(401)
        .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
        .body(containsString("This key is unknown or has been revoked"));
  }

  @Test
  void aRevokedKeySignsTheBrowserOut() {
    Leads.Key key = Leads.newKey("ANALYST");
    BoardPages.signedIn(key.key()).get("/board").then().statusCode(200);
    String id =
        Api.as(As.ADMIN)
            .get("/api/v1/api-keys")
            .then()
            .statusCode(200)
            .extract()
            .path("data.find { it.name == '" + key.name() + "' }.id");
    Api.as(As.ADMIN).delete("/api/v1/api-keys/" + id).then().statusCode(200);
    BoardPages.signedIn(key.key())
        .get("/board")
        .then()
        .statusCode(401)
        .header(
            "Set-Cookie",
            allOf(containsString(BoardSession.COOKIE + "="), containsString("Max-Age=0")))
        .body(containsString("Your key is unknown or has been revoked"));
  }

  @Test
  void aPageCountsAgainstItsKeysQuota() {
    String key =
        Api.as(As.ADMIN)
            .body(
                Map.of(
                    "name", "board-quota-" + UUID.randomUUID(), "role", "ANALYST", "rateLimit", 2))
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    BoardPages.signedIn(key).get("/board").then().statusCode(200);
    BoardPages.signedIn(key).get("/board/sign-in").then().statusCode(200); // not counted
    BoardPages.signedIn(key).get("/board").then().statusCode(200);
    BoardPages.signedIn(key)
        .get("/board")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
        .body(containsString("Too many requests"));
  }

  @Test
  void signingOutForgetsTheKey() {
    BoardPages.signedIn(Api.key(As.SALES))
        .post("/board/sign-out")
        .then()
        .statusCode(303)
        .header("Location", containsString("/board/sign-in"))
        .header("Set-Cookie", allOf(containsString("Max-Age=0"), containsString("Path=/board")));
  }
}
