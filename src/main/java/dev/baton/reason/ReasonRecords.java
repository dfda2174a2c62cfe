package dev.baton.reason;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReasonRecords {

  private ReasonRecords() {}

  @Schema(name = "NewRejectionReason")
  public record NewRejectionReason(
      @Schema(required = true, examples = "WRONG_LANGUAGE")
          @NotNull
          @Pattern(
              regexp = "^[A-Z][A-Z0-9_]{1,49}$",
              message = "must be UPPER_SNAKE_CASE, 2 to 50 characters")
          String code,
      @Schema(required = true, examples = "Does not speak a language we sell in")
          @NotBlank
          @Size(max = 200)
          String label,
      @Schema(required = true) @NotNull Accountable accountable,
      @Schema(
              description = "Whether a rejection with this reason must carry a note",
              defaultValue = "false")
          Boolean requiresNote) {}

  @Schema(name = "RejectionReason")
  public record RejectionReasonView(
      @Schema(required = true) String code,
      @Schema(required = true) String label,
      @Schema(required = true) Accountable accountable,
      @Schema(required = true) boolean requiresNote,
      @Schema(
              required = true,
              description =
                  "Inactive reasons stay on past rejections but cannot be used for new ones")
          boolean active) {

    public static RejectionReasonView from(RejectionReason reason) {
      return new RejectionReasonView(
          reason.getCode(),
          reason.getLabel(),
          reason.getAccountable(),
          reason.isRequiresNote(),
          reason.isActive());
    }
  }
}
