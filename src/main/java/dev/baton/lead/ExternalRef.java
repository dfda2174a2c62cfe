package dev.baton.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead's id in another system (a CRM, a marketing tool, a form): unique per system. */
@Embeddable
@Schema(name = "ExternalRef", description = "The lead's id in another system")
public record ExternalRef(
    @Schema(required = true, description = "The other system, lower case", examples = "hubspot")
        @NotNull
        @Pattern(
            regexp = SYSTEM,
            message = "must be 1 to 50 characters: a-z, 0-9, . _ - (lower case)")
        @Column(name = "system", nullable = false)
        String system,
    @Schema(required = true, description = "The lead's id there", examples = "00Q5e00000AbCdE")
        @NotBlank
        @Size(max = 200)
        @Column(name = "external_id", nullable = false)
        String id) {

  static final String SYSTEM = "^[a-z0-9][a-z0-9._-]{0,49}$";
}
