package dev.baton.reason;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RejectionReasonRepository implements PanacheRepositoryBase<RejectionReason, String> {

  /** Inserts unless the code exists, without a read-then-write race; true if inserted. */
  public boolean insertIfAbsent(RejectionReason reason) {
    return getEntityManager()
            .createNativeQuery(
                "INSERT INTO rejection_reason (code, label, accountable, requires_note, active, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING")
            .setParameter(1, reason.getCode())
            .setParameter(2, reason.getLabel())
            .setParameter(3, reason.getAccountable().name())
            .setParameter(4, reason.isRequiresNote())
            .setParameter(5, reason.isActive())
            .setParameter(6, reason.getCreatedAt())
            .executeUpdate()
        == 1;
  }

  public List<RejectionReason> all(Boolean active) {

    return active == null ? list("order by code") : list("active = ?1 order by code", active);
  }
}
