package dev.baton.feedback;

/** What a remark from the field is. */
public enum FeedbackKind {
  OBJECTION,
  COMPLAINT,
  OBSERVATION,
  NOTE
}
