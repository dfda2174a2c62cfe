package dev.baton.board;

import dev.baton.db.BatonClock;
import dev.baton.feedback.FeedbackService;
import dev.baton.lead.LeadService;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.ratelimit.Decision;
import dev.baton.ratelimit.Quotas;
import dev.baton.security.Caller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The scoreboard's pages. Each page checks the key of the session cookie ({@link BoardSession}) and
 * reads only what every role may read through the API (the funnel, the SLA report, the reason
 * catalog, leads, their history and feedback), through the same services.
 */
@Path("/board")
@PermitAll
public class BoardResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance scoreboard(Scoreboard board, String who);

    static native TemplateInstance lead(LeadPage lead, String who);

    static native TemplateInstance signIn(String message, boolean refused);

    static native TemplateInstance notice(String title, String message, String who);
  }

  private static final String CSS = resource("/board/board.css");

  private final BoardSession session;
  private final ScoreboardService boards;
  private final LeadService leads;
  private final FeedbackService feedback;
  private final BatonClock clock;
  private final Quotas quotas;

  public BoardResource(
      BoardSession session,
      ScoreboardService boards,
      LeadService leads,
      FeedbackService feedback,
      BatonClock clock,
      Quotas quotas) {
    this.session = session;
    this.boards = boards;
    this.leads = leads;
    this.feedback = feedback;
    this.clock = clock;
    this.quotas = quotas;
  }

  @GET
  public Response scoreboard(
      @CookieParam(BoardSession.COOKIE) String key,
      @QueryParam("from") String from,
      @QueryParam("through") String through,
      @QueryParam("only") String only,
      @QueryParam("value") String value,
      @QueryParam("by") String by,
      @Context UriInfo uri) {
    Optional<Caller> caller = session.caller(key);
    if (caller.isEmpty()) {
      return refused(key, uri);
    }
    Optional<Response> limited = rateLimited(caller.get());
    if (limited.isPresent()) {
      return limited.get();
    }
    Scoreboard board = boards.board(from, through, only, value, by, clock.now());
    return Html.page(
        board.filters().hasErrors() ? 400 : 200, Templates.scoreboard(board, who(caller.get())));
  }

  @GET
  @Path("leads/{id}")
  public Response lead(
      @CookieParam(BoardSession.COOKIE) String key,
      @PathParam("id") String id,
      @Context UriInfo uri) {
    Optional<Caller> caller = session.caller(key);
    if (caller.isEmpty()) {
      return refused(key, uri);
    }
    Optional<Response> limited = rateLimited(caller.get());
    if (limited.isPresent()) {
      return limited.get();
    }
    UUID leadId;
    try {
      leadId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Html.page(
          404, Templates.notice("Not found", "There is no lead " + id + ".", who(caller.get())));
    }
    try {
      LeadPage page = LeadPage.of(leads.get(leadId), leads.history(leadId), feedback.of(leadId));
      return Html.page(200, Templates.lead(page, who(caller.get())));
    } catch (ProblemException e) {
      if (e.status() != ProblemType.NOT_FOUND.status()) {
        throw e;
      }
      return Html.page(
          404, Templates.notice("Not found", "There is no lead " + id + ".", who(caller.get())));
    }
  }

  @GET
  @Path("sign-in")
  public Response signInPage() {
    return Html.page(200, Templates.signIn("", false));
  }

  @POST
  @Path("sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("key") String key, @Context UriInfo uri) {
    if (session.caller(key).isEmpty()) {
      return Html.page(
          401,
          Templates.signIn(
              key == null || key.isBlank()
                  ? "Enter an API key to sign in."
                  : "This key is unknown or has been revoked. Ask your Baton admin for an active"
                      + " key.",
              true));
    }
    return Response.seeOther(URI.create("/board"))
        .cookie(BoardSession.signIn(key, secure(uri)))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("sign-out")
  public Response signOut(@Context UriInfo uri) {
    return Response.seeOther(URI.create("/board/sign-in?signed-out"))
        .cookie(BoardSession.signOut(secure(uri)))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("board.css")
  @Produces("text/css;charset=UTF-8")
  public Response css() {
    return Response.ok(CSS).header("Cache-Control", "public, max-age=3600").build();
  }

  /** A page counts against its key's quota as an API call does; over it, a page that says so. */
  private Optional<Response> rateLimited(Caller caller) {
    int quota = quotas.quotaOf(caller.rateLimit());
    if (caller.keyId() == null || quota == 0) {
      return Optional.empty();
    }
    Decision decision = quotas.take(caller.keyId(), quota);
    if (decision.allowed()) {
      return Optional.empty();
    }
    return Optional.of(
        Html.builder(
                429,
                Templates.notice(
                    "Too many requests",
                    "This key has made its "
                        + decision.quota()
                        + " requests of the last "
                        + decision.windowSeconds()
                        + " seconds. Try again in "
                        + decision.resetSeconds()
                        + " seconds.",
                    who(caller)))
            .header("Retry-After", Long.toString(decision.resetSeconds()))
            .build());
  }

  /**
   * Without a key, the way to sign in; with a key that no longer works, the sign-in page saying so,
   * and the cookie forgotten.
   */
  private Response refused(String key, UriInfo uri) {
    if (key == null || key.isBlank()) {
      return Response.seeOther(URI.create("/board/sign-in")).build();
    }
    return Html.builder(
            401,
            Templates.signIn(
                "Your key is unknown or has been revoked, so you were signed out. Sign in with"
                    + " an active key.",
                true))
        .cookie(BoardSession.signOut(secure(uri)))
        .build();
  }

  private static String who(Caller caller) {
    return caller.name() + " (" + Format.words(caller.role().name()) + ")";
  }

  private static boolean secure(UriInfo uri) {
    return "https".equals(uri.getBaseUri().getScheme());
  }

  private static String resource(String name) {
    try (InputStream in = BoardResource.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
