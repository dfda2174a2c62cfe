package dev.baton.lead;

import dev.baton.json.IsoCurrency;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the funnel actions. */
public final class MoveRecords {

  private MoveRecords() {}

  @Schema(name = "QualifyLead")
  public record QualifyLead(
      @Schema(description = "Marketing's score, 0 to 100") @Min(0) @Max(100) Integer score,
      @Schema(description = "Why marketing qualified it") @Size(max = 2000) String note) {}

  @Schema(name = "AcceptLead")
  public record AcceptLead(
      @Schema(
              description =
                  "Who in sales owns the lead; absent: its assignee (their email, else their id),"
                      + " and 400 when it has none",
              examples = "jane.doe@acme.com")
          @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
          @Size(max = 200)
          String owner,
      @Size(max = 2000) String note) {}

  @Schema(name = "RejectLead")
  public record RejectLead(
      @Schema(
              required = true,
              description = "An active code of GET /api/v1/rejection-reasons",
              examples = "NOT_ICP")
          @NotBlank
          @Size(max = 50)
          String reason,
      @Schema(description = "Required when the reason requires a note") @Size(max = 2000)
          String note) {}

  @Schema(name = "ConvertLead")
  @AmountWithCurrency
  public record ConvertLead(
      @Schema(description = "The opportunity or deal in the CRM", examples = "006Dn00000A1b2C")
          @Size(max = 200)
          String opportunityRef,
      @Schema(description = "Deal amount; requires currency", examples = "12000.00")
          @DecimalMin(value = "0", message = "must be zero or more")
          @Digits(
              integer = 15,
              fraction = 4,
              message = "must have at most 15 digits and 4 decimals")
          BigDecimal amount,
      @Schema(description = "ISO 4217; requires amount", examples = "EUR", pattern = "^[A-Z]{3}$")
          @IsoCurrency
          String currency,
      @Size(max = 2000) String note) {}

  /** An amount means nothing without its currency, and a currency nothing without an amount. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Constraint(validatedBy = AmountWithCurrency.Check.class)
  public @interface AmountWithCurrency {
    String message() default "amount and currency go together";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AmountWithCurrency, ConvertLead> {
      @Override
      public boolean isValid(ConvertLead convert, ConstraintValidatorContext context) {
        if ((convert.amount() == null) == (convert.currency() == null)) {
          return true;
        }
        String missing = convert.amount() == null ? "amount" : "currency";
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(
                convert.amount() == null
                    ? "is required with a currency"
                    : "is required with an amount")
            .addPropertyNode(missing)
            .addConstraintViolation();
        return false;
      }
    }
  }

  @Schema(name = "RecycleLead")
  public record RecycleLead(
      @Schema(description = "Why it goes back to nurture") @Size(max = 2000) String note) {}
}
