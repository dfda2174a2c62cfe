package dev.baton.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class FeedbackRecords {

  private FeedbackRecords() {}

  @Schema(
      name = "NewFeedback",
      description = "A quality rating and/or a remark; a remark (kind) needs its text")
  public record NewFeedback(
      @Schema(description = "How good the lead was, 1 (junk) to 5 (excellent)") @Min(1) @Max(5)
          Integer rating,
      FeedbackKind kind,
      @Schema(description = "What was heard or seen; required with a kind") @Size(max = 4000)
          String text) {}

  @Schema(name = "Feedback")
  public record FeedbackView(
      @Schema(required = true) UUID id,
      @Schema(required = true) UUID leadId,
      Integer rating,
      FeedbackKind kind,
      String text,
      @Schema(required = true) Author author,
      @Schema(required = true) Instant createdAt) {

    @Schema(name = "FeedbackAuthor", description = "The API key that gave the feedback")
    public record Author(
        @Schema(required = true) String name, @Schema(required = true) String role) {}

    static FeedbackView from(Feedback f) {
      return new FeedbackView(
          f.getId(),
          f.getLeadId(),
          f.getRating(),
          f.getKind(),
          f.getText(),
          new Author(f.getAuthorName(), f.getAuthorRole()),
          f.getCreatedAt());
    }
  }

  @Schema(name = "FeedbackList")
  public record FeedbackList(@Schema(required = true) List<FeedbackView> data) {}
}
