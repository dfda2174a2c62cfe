package dev.baton.routing;

import dev.baton.db.BatonClock;
import dev.baton.routing.Router.Assignment;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/routing")
@Tag(name = "Routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingResource {

  private final RoutingPolicyService policies;
  private final Router router;
  private final BatonClock clock;
  private final SecurityIdentity identity;

  public RoutingResource(
      RoutingPolicyService policies, Router router, BatonClock clock, SecurityIdentity identity) {
    this.policies = policies;
    this.router = router;
    this.clock = clock;
    this.identity = identity;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "getRoutingPolicy",
      summary = "The routing rules in force",
      description =
          "Any role. The ordered `rules` (conditions, queue, method, member), the `fallbackQueue`,"
              + " and who replaced them last and when.")
  @APIResponse(responseCode = "200", description = "The routing policy")
  public RoutingPolicy get() {
    return policies.policy();
  }

  @PUT
  @RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
  @Operation(
      operationId = "replaceRoutingPolicy",
      summary = "Replace the routing rules (sales manager, admin)",
      description =
          "Sales managers and admins. Replaces the whole list: each rule names an existing"
              + " `queue` and a `method`; `member` is required with FIXED_MEMBER and refused with"
              + " the others; `fallbackQueue` must exist (400 naming the field otherwise). Applies"
              + " to leads that become qualified from then on; no rules and no fallback queue turn"
              + " routing off. Sending the same policy again is harmless.")
  @APIResponse(responseCode = "200", description = "The routing policy now in force")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public RoutingPolicy replace(@NotNull @Valid RoutingPolicy body) {
    return policies.replace(body, Caller.of(identity));
  }

  @POST
  @Path("preview")
  @Authenticated
  @Operation(
      operationId = "previewRouting",
      summary = "Which member a lead would get now, and why, changing nothing",
      description =
          "Any role. Walks the rules for a lead with these fields as if it became qualified now:"
              + " the rule that matches, its queue and method, each member left out and why (away,"
              + " at capacity), and the member chosen. Nothing is locked, counted or assigned, so"
              + " the rotation's next turn may differ from one preview to the next assignment.")
  @APIResponse(responseCode = "200", description = "Where the lead would go")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public Assignment preview(@NotNull @Valid RoutingSubject body) {
    return router.preview(body, clock.now());
  }
}
