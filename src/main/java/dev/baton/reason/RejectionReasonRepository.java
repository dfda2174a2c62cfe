package dev.baton.reason;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RejectionReasonRepository implements PanacheRepositoryBase<RejectionReason, String> {

  public List<RejectionReason> all(Boolean active) {
    return active == null ? list("order by code") : list("active = ?1 order by code", active);
  }
}
