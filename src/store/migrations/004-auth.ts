/**
 * Users, roles, org-unit assignments, sign-in sessions and personal access tokens.
 * Session ids and tokens are stored only as SHA-256 hashes (hex); passwords as argon2id hashes.
 */
export const authSchema = `
CREATE TABLE app_user (
  id             serial PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  password_hash  text NOT NULL,
  disabled       boolean NOT NULL DEFAULT false,
  created        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
  user_id  integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role     text NOT NULL CHECK (role IN ('admin','manager','analyst','clerk','approver')),
  PRIMARY KEY (user_id, role)
);

-- The roots of the subtrees a user reads and writes in.
CREATE TABLE user_org_unit (
  user_id      integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  org_unit_id  integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, org_unit_id)
);

CREATE TABLE auth_session (
  id_hash     text PRIMARY KEY,              -- sha256 hex of the cookie's session id
  user_id     integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,                 -- echoed by the client in x-csrf-token
  created     timestamptz NOT NULL DEFAULT now(),
  last_seen   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_session_user_idx ON auth_session(user_id);

CREATE TABLE access_token (
  id          serial PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,          -- sha256 hex of the bearer token
  user_id     integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name        text NOT NULL DEFAULT '',
  created     timestamptz NOT NULL DEFAULT now(),
  expires     timestamptz,                   -- null: never
  revoked     timestamptz,
  last_used   timestamptz
);
CREATE INDEX access_token_user_idx ON access_token(user_id);
`;
