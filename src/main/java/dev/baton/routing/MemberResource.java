package dev.baton.routing;

import dev.baton.routing.TeamRecords.MemberInput;
import dev.baton.routing.TeamRecords.MemberList;
import dev.baton.routing.TeamRecords.MemberView;
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

@Path("/api/v1/members")
@Tag(
    name = "Routing",
    description =
        "The sales team as data (members, queues) and the rules that assign each qualified lead to"
            + " a member")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

  private final TeamService team;

  public MemberResource(TeamService team) {
    this.team = team;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listMembers",
      summary = "The sales members, by id",
      description =
          "Any role. Every member, active or not, with their working hours, time zone, absence,"
              + " capacities, the queues they are in and `waiting`: the leads assigned to them that"
              + " wait for their answer now.")
  @APIResponse(responseCode = "200", description = "Every member")
  public MemberList list() {
    return new MemberList(team.members());
  }

  @GET
  @Path("{memberId}")
  @Authenticated
  @Operation(operationId = "getMember", summary = "One sales member", description = "Any role.")
  @APIResponse(responseCode = "200", description = "The member")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public MemberView get(@PathParam("memberId") String memberId) {
    return team.member(memberId);
  }

  @PUT
  @Path("{memberId}")
  @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
  @Operation(
      operationId = "putMember",
      summary = "Create or replace a sales member (sales manager, admin)",
      description =
          "Sales managers and admins. The id (1 to 64 lowercase letters, digits, `.`, `_`, `-`) is"
              + " the team's and never changes; the body replaces every other field, absent ones"
              + " cleared. `timeZone` is an IANA zone; `workingHours` spans in it (none: any time);"
              + " `awayUntil` keeps leads away from them until then; `maxOpen` and `maxPerDay` cap"
              + " what they are assigned; `active` false retires them. Answers 201 when the member"
              + " is new, 200 when replaced; sending the same body again is harmless. Applies to"
              + " assignments from now on.")
  @APIResponse(
      responseCode = "200",
      description = "The member, replaced",
      content = @Content(schema = @Schema(implementation = MemberView.class)))
  @APIResponse(
      responseCode = "201",
      description = "The member, created",
      content = @Content(schema = @Schema(implementation = MemberView.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public Response put(@PathParam("memberId") String memberId, @NotNull @Valid MemberInput body) {
    Put<MemberView> put = team.putMember(memberId, body);
    return Response.status(put.created() ? 201 : 200).entity(put.view()).build();
  }
}
