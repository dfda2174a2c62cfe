package dev.baton.board;

import dev.baton.apikey.ApiKeyService;
import dev.baton.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * Who is signed in to the scoreboard: the API key itself, kept in a session cookie that the browser
 * forgets when it closes, that scripts cannot read ({@code HttpOnly}) and that no other site can
 * send ({@code SameSite=Strict}). Nothing is kept on the server: every page checks the key again,
 * so a key revoked in the API is refused by the next page.
 */
@ApplicationScoped
public class BoardSession {

  static final String COOKIE = "baton_board_key";
  static final String PATH = "/board";

  private final ApiKeyService keys;

  public BoardSession(ApiKeyService keys) {
    this.keys = keys;
  }

  /**
   * The caller behind the cookie's key; empty when there is no key, or it is unknown or revoked.
   */
  Optional<Caller> caller(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return Optional.empty();
    }
    return keys.authenticateKey(key.strip());
  }

  /** The cookie that signs a browser in, for this session only (no expiry). */
  static NewCookie signIn(String key, boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value(key.strip())
        .path(PATH)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  /** The cookie that signs it out: the same, empty, already expired. */
  static NewCookie signOut(boolean secure) {
    return new NewCookie.Builder(COOKIE)
        .value("")
        .path(PATH)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(0)
        .build();
  }
}
