package dev.baton.routing;

import dev.baton.routing.TeamRecords.QueueInput;
import dev.baton.routing.TeamRecords.QueueList;
import dev.baton.routing.TeamRecords.QueueView;
import dev.baton.routing.TeamService.Put;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/queues")
@Tag(name = "Routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueResource {

  private final TeamService team;

  public QueueResource(TeamService team) {
    this.team = team;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listQueues",
      summary = "The queues, by id",
      description = "Any role. Every queue with its members and their weights.")
  @APIResponse(responseCode = "200", description = "Every queue")
  public QueueList list() {
    return new QueueList(team.queues());
  }

  @GET
  @Path("{queueId}")
  @Authenticated
  @Operation(operationId = "getQueue", summary = "One queue", description = "Any role.")
  @APIResponse(responseCode = "200", description = "The queue")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public QueueView get(@PathParam("queueId") String queueId) {
    return team.queue(queueId);
  }

  @PUT
  @Path("{queueId}")
  @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
  @Operation(
      operationId = "putQueue",
      summary = "Create or replace a queue and its members (sales manager, admin)",
      description =
          "Sales managers and admins. The id (1 to 64 lowercase letters, digits, `.`, `_`, `-`) is"
              + " the team's and never changes. `members` replaces the queue's members, each an"
              + " existing member (400 naming `members[i].memberId` otherwise, or when listed twice)"
              + " with a `weight` of 1 to 1000: the weighted rotation gives each present member"
              + " leads in proportion to it. A member kept keeps their place in the rotation."
              + " Answers 201 when the queue is new, 200 when replaced.")
  @APIResponse(
      responseCode = "200",
      description = "The queue, replaced",
      content = @Content(schema = @Schema(implementation = QueueView.class)))
  @APIResponse(
      responseCode = "201",
      description = "The queue, created",
      content = @Content(schema = @Schema(implementation = QueueView.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public Response put(@PathParam("queueId") String queueId, @NotNull @Valid QueueInput body) {
    Put<QueueView> put = team.putQueue(queueId, body);
    return Response.status(put.created() ? 201 : 200).entity(put.view()).build();
  }
}
