package dev.baton.event;

import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/events")
@Tag(
    name = "Change feed",
    description = "Every event of every lead, in commit order, resumable by cursor")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FeedResource {

  @Schema(name = "EventPage")
  public record EventPage(
      @Schema(required = true) List<EventView> data,
      @Schema(
              required = true,
              description =
                  "Pass as `after` to read on; always present, also when `data` is empty. Reading"
                      + " the same cursor again gives the same events.")
          String nextCursor) {}

  private final Feed feed;

  public FeedResource(Feed feed) {
    this.feed = feed;
  }

  @GET
  @Operation(
      operationId = "readChangeFeed",
      summary =
          "Read the events after a cursor, in commit order; poll with the returned nextCursor",
      description =
          "Any role. Answers up to `limit` events (1 to 200, 50 by default) in the order their"
              + " transactions committed, each with its lead, `leadVersion`, time, actor and data;"
              + " one lead's events come in `leadVersion` order. `nextCursor` is always present,"
              + " also when nothing is new: pass it as `after` to poll on and every event is seen"
              + " exactly once, from any replica (reading a cursor again gives the same events)."
              + " `types` keeps only the listed event types (an unknown type, or an `after` this"
              + " feed did not return, is 400 `validation-error`); events older than"
              + " `BATON_EVENT_RETENTION` (365 days by default) are purged.")
  @APIResponse(
      responseCode = "200",
      description = "The next events (possibly none) and the cursor to go on from")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public EventPage read(
      @Parameter(
              description =
                  "The `nextCursor` of the previous read; omit to start from the oldest event kept")
          @QueryParam("after")
          String after,
      @Parameter(ref = "limit") @QueryParam("limit") String limit,
      @Parameter(
              description =
                  "Only these event types, comma-separated, e.g. `lead.accepted,lead.rejected`")
          @QueryParam("types")
          String types) {
    QueryParams params = new QueryParams();
    int size = params.limit(limit);
    List<String> wanted = params.list("types", types, EventType.names());
    FeedCursor cursor = null;
    try {
      cursor = FeedCursor.decode(after);
    } catch (IllegalArgumentException e) {
      params.reject("after", "is not a cursor returned by this feed; start again without it");
    }
    params.validate();
    return feed.read(cursor, wanted, size);
  }
}
