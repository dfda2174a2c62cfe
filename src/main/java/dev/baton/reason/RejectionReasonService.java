package dev.baton.reason;

import dev.baton.db.BatonClock;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.reason.ReasonRecords.NewRejectionReason;
import dev.baton.reason.ReasonRecords.RejectionReasonView;
import dev.baton.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class RejectionReasonService {

  private final RejectionReasonRepository reasons;
  private final BatonClock clock;

  public RejectionReasonService(RejectionReasonRepository reasons, BatonClock clock) {
    this.reasons = reasons;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RejectionReasonView> list(Boolean active) {
    return reasons.all(active).stream().map(RejectionReasonView::from).toList();
  }

  /** Two admins adding the same code at once: the database decides, the loser gets 409. */
  @Transactional
  public RejectionReasonView create(NewRejectionReason request) {
    RejectionReason reason =
        new RejectionReason(
            request.code(),
            request.label().strip(),
            request.accountable(),
            Boolean.TRUE.equals(request.requiresNote()),
            clock.now());
    if (!reasons.insertIfAbsent(reason)) {
      throw new ProblemException(
          ProblemType.REASON_EXISTS,
          "A rejection reason with code '" + request.code() + "' already exists");
    }
    return RejectionReasonView.from(reason);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RejectionReasonView get(String code) {
    return RejectionReasonView.from(find(code));
  }

  @Transactional
  public RejectionReasonView setActive(String code, boolean active) {
    RejectionReason reason = find(code);
    reason.setActive(active);
    return RejectionReasonView.from(reason);
  }

  /** The reason a rejection names; it must exist and be active. */
  @Transactional(Transactional.TxType.MANDATORY)
  public RejectionReason usable(String code) {
    RejectionReason reason = reasons.findById(code);
    if (reason == null || !reason.isActive()) {
      throw ProblemException.invalid(
          "reason",
          reason == null
              ? "unknown rejection reason '" + code + "'; see GET /api/v1/rejection-reasons"
              : "rejection reason '" + code + "' is no longer active");
    }
    return reason;
  }

  private RejectionReason find(String code) {
    RejectionReason reason = reasons.findById(QueryParams.pathSegment(code, "rejection reason"));
    if (reason == null) {
      throw ProblemException.notFound("rejection reason", code);
    }
    return reason;
  }
}
