package dev.baton.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the dispute actions. */
public final class DisputeRecords {

  private DisputeRecords() {}

  @Schema(name = "OpenDispute")
  public record OpenDispute(
      @Schema(
              required = true,
              description = "Why marketing contests the rejection",
              examples = "The company matches our ICP: 800 employees, fintech")
          @NotBlank
          @Size(max = 2000)
          String note) {}

  @Schema(
      name = "DisputeOutcome",
      description = "UPHELD: the rejection stands; OVERTURNED: the lead goes back to QUALIFIED")
  public enum Outcome {
    UPHELD,
    OVERTURNED
  }

  @Schema(name = "ResolveDispute")
  public record ResolveDispute(
      @Schema(required = true) @NotNull Outcome outcome,
      @Schema(description = "Sales's answer to marketing") @Size(max = 2000) String note) {}
}
