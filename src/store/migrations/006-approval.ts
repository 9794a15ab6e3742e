/**
 * Approval and locked periods: one approval row per (data set, period, approving org unit) while
 * the unit's data is approved (accepted: the parent has accepted it), an append-only log of every
 * approval action, and lock exceptions that re-open an expired period for an org-unit subtree.
 */
export const approvalSchema = `
CREATE TABLE data_approval (
  data_set_id          integer NOT NULL REFERENCES data_set(id) ON DELETE CASCADE,
  period_id            integer NOT NULL REFERENCES period(id),
  org_unit_id          integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  approved_by          text NOT NULL,
  approved_by_user_id  integer REFERENCES app_user(id) ON DELETE SET NULL,
  approved_at          timestamptz NOT NULL DEFAULT now(),
  accepted             boolean NOT NULL DEFAULT false,
  accepted_by          text,
  accepted_by_user_id  integer REFERENCES app_user(id) ON DELETE SET NULL,
  accepted_at          timestamptz,
  PRIMARY KEY (data_set_id, period_id, org_unit_id)
);
CREATE INDEX data_approval_period_idx ON data_approval(period_id);

-- Every approve / unapprove / accept / unaccept, never updated or deleted.
CREATE TABLE data_approval_log (
  id           bigserial PRIMARY KEY,
  data_set_id  integer NOT NULL REFERENCES data_set(id) ON DELETE CASCADE,
  period_id    integer NOT NULL REFERENCES period(id),
  org_unit_id  integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  action       text NOT NULL CHECK (action IN ('APPROVE','UNAPPROVE','ACCEPT','UNACCEPT')),
  username     text NOT NULL,
  user_id      integer REFERENCES app_user(id) ON DELETE SET NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX data_approval_log_key_idx ON data_approval_log(data_set_id, period_id, org_unit_id);

-- Entry and import stay open for this data set, period and org unit (and its descendants)
-- although the data set's expiryDays have passed.
CREATE TABLE lock_exception (
  data_set_id         integer NOT NULL REFERENCES data_set(id) ON DELETE CASCADE,
  period_id           integer NOT NULL REFERENCES period(id),
  org_unit_id         integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  created_by          text NOT NULL,
  created_by_user_id  integer REFERENCES app_user(id) ON DELETE SET NULL,
  created             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (data_set_id, period_id, org_unit_id)
);
CREATE INDEX lock_exception_period_idx ON lock_exception(period_id);
`;
