/**
 * The initial schema: metadata, periods and data values.
 * Codes are the identifiers users see; integer ids keep the value table narrow.
 */
export const initialSchema = `
CREATE TABLE org_unit (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text,
  parent_id   integer REFERENCES org_unit(id),
  level       integer NOT NULL,             -- 1 = root (city)
  path        text NOT NULL                 -- '/QS/QS01/QS0101', codes from the root
);
CREATE INDEX org_unit_parent_idx ON org_unit(parent_id);
CREATE INDEX org_unit_level_idx ON org_unit(level);

-- Every (ancestor, descendant) pair including (self, self, 0): "all descendants" and
-- "all ancestors" are single indexed lookups.
CREATE TABLE org_unit_closure (
  ancestor_id    integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  descendant_id  integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  depth          integer NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX org_unit_closure_descendant_idx ON org_unit_closure(descendant_id, depth);

CREATE TABLE category (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text
);

CREATE TABLE category_option (
  id           serial PRIMARY KEY,
  category_id  integer NOT NULL REFERENCES category(id) ON DELETE CASCADE,
  code         text NOT NULL,
  name         text NOT NULL,
  name_en      text,
  sort_order   integer NOT NULL,
  UNIQUE (category_id, code)
);

CREATE TABLE source (
  id       serial PRIMARY KEY,
  code     text NOT NULL UNIQUE,
  name     text NOT NULL,
  name_en  text
);

CREATE TABLE data_element (
  id           serial PRIMARY KEY,
  code         text NOT NULL UNIQUE,
  name         text NOT NULL,
  name_en      text,
  value_type   text NOT NULL CHECK (value_type IN ('INTEGER','NUMBER','PERCENTAGE','BOOLEAN','TEXT')),
  aggregation  text NOT NULL CHECK (aggregation IN ('SUM','AVERAGE','LAST')),
  categories   text[] NOT NULL DEFAULT '{}'  -- category codes in disaggregation order
);

-- One cell of a data element's disaggregation: code = option codes joined with '.', or 'default'.
CREATE TABLE option_combo (
  id               serial PRIMARY KEY,
  data_element_id  integer NOT NULL REFERENCES data_element(id) ON DELETE CASCADE,
  code             text NOT NULL,
  options          jsonb NOT NULL DEFAULT '{}',   -- {"SEX": "M", "ORDER": "3P"}
  UNIQUE (data_element_id, code)
);

CREATE TABLE data_set (
  id               serial PRIMARY KEY,
  code             text NOT NULL UNIQUE,
  name             text NOT NULL,
  name_en          text,
  period_type      text NOT NULL CHECK (period_type IN ('Weekly','Monthly','Quarterly','Yearly')),
  due_days         integer NOT NULL DEFAULT 0,
  expiry_days      integer NOT NULL DEFAULT 0,  -- 0 = never locks
  org_unit_level   integer                      -- null when assigned by an explicit list
);

CREATE TABLE data_set_element (
  data_set_id      integer NOT NULL REFERENCES data_set(id) ON DELETE CASCADE,
  data_element_id  integer NOT NULL REFERENCES data_element(id) ON DELETE CASCADE,
  sort_order       integer NOT NULL,
  PRIMARY KEY (data_set_id, data_element_id)
);

-- Which org units report a data set (materialised from the level or the list).
CREATE TABLE data_set_org_unit (
  data_set_id  integer NOT NULL REFERENCES data_set(id) ON DELETE CASCADE,
  org_unit_id  integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  PRIMARY KEY (data_set_id, org_unit_id)
);
CREATE INDEX data_set_org_unit_org_unit_idx ON data_set_org_unit(org_unit_id);

CREATE TABLE constant (
  id     serial PRIMARY KEY,
  code   text NOT NULL UNIQUE,
  name   text NOT NULL,
  value  double precision NOT NULL
);

CREATE TABLE indicator (
  id           serial PRIMARY KEY,
  code         text NOT NULL UNIQUE,
  name         text NOT NULL,
  name_en      text,
  numerator    text NOT NULL,
  denominator  text NOT NULL,
  factor       double precision NOT NULL DEFAULT 1,
  kind         text NOT NULL CHECK (kind IN ('rate','proportion','sexRatio','plain')),
  unit         text,
  decimals     integer NOT NULL DEFAULT 2,
  sort_order   integer NOT NULL DEFAULT 0
);

CREATE TABLE target (
  id            serial PRIMARY KEY,
  indicator_id  integer NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  org_unit_id   integer NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  year          integer NOT NULL,
  rule          text NOT NULL CHECK (rule IN ('BELOW_PREVIOUS_YEAR','ABOVE_PREVIOUS_YEAR','AT_MOST','AT_LEAST','CHANGE_BY')),
  threshold     double precision,
  UNIQUE (indicator_id, org_unit_id, year)
);

CREATE TABLE reconciliation (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text,
  definition  jsonb NOT NULL       -- {"a": {...}, "b": {...}, "matched": {...}} as in the metadata file
);

CREATE TABLE validation_rule (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  definition  jsonb NOT NULL       -- {leftSide, operator, rightSide, importance, periodType}
);

-- Periods by DHIS2 id; start and end dates inclusive.
CREATE TABLE period (
  id          serial PRIMARY KEY,
  iso         text NOT NULL UNIQUE,
  type        text NOT NULL CHECK (type IN ('Weekly','Monthly','Quarterly','Yearly')),
  start_date  date NOT NULL,
  end_date    date NOT NULL
);
CREATE INDEX period_dates_idx ON period(start_date, end_date);

CREATE TABLE data_value (
  data_element_id  integer NOT NULL REFERENCES data_element(id),
  period_id        integer NOT NULL REFERENCES period(id),
  org_unit_id      integer NOT NULL REFERENCES org_unit(id),
  option_combo_id  integer NOT NULL REFERENCES option_combo(id),
  source_id        integer NOT NULL REFERENCES source(id),
  value            text NOT NULL,
  num              double precision,      -- the value as a number (BOOLEAN: 1/0; TEXT: null)
  comment          text,
  followup         boolean NOT NULL DEFAULT false,
  stored_by        text,
  created          timestamptz NOT NULL DEFAULT now(),
  last_updated     timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  PRIMARY KEY (data_element_id, period_id, org_unit_id, option_combo_id, source_id)
);
CREATE INDEX data_value_org_unit_period_idx ON data_value(org_unit_id, period_id);
CREATE INDEX data_value_period_idx ON data_value(period_id);
`;
