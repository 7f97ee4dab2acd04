-- Webhook deliveries and the rollouts they trigger. Written in the SQL that both H2 2.x and
-- PostgreSQL 12+ accept; independent of V4 (scaling), which another branch adds.

-- One row per delivery that reached a hook: verified ones (accepted or ignored) and refused ones
-- (so that a user setting up a hook sees why it was refused). The body itself is not kept: only its
-- hash, its size and the pushes parsed from it (events_json), which is what a redelivery replays.
CREATE TABLE webhook_deliveries (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    source        VARCHAR(16)   NOT NULL,
    hook          VARCHAR(63)   NOT NULL,
    dedupe_key    VARCHAR(255),
    event         VARCHAR(128),
    received_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body_sha256   VARCHAR(71),
    body_size     INTEGER       NOT NULL,
    verification  VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    reason        VARCHAR(4000),
    headers_json  VARCHAR(4000) NOT NULL,
    events_json   VARCHAR(1000000) NOT NULL,
    redelivery_of VARCHAR(36),
    -- A retried or redelivered delivery carries the same key; the second insert fails here, in
    -- both databases, even when two replicas race. Refused deliveries have no key (NULLs repeat).
    CONSTRAINT webhook_deliveries_dedupe UNIQUE (hook, dedupe_key),
    CONSTRAINT webhook_deliveries_verification CHECK (verification IN ('VERIFIED', 'REFUSED')),
    CONSTRAINT webhook_deliveries_status CHECK (status IN ('ACCEPTED', 'PROCESSED', 'IGNORED', 'REFUSED'))
);

CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);

-- What each accepted delivery triggers, one row per matching rule: PENDING until the processor
-- claims it (a conditional UPDATE, so one process runs it), RUNNING with the id of the deployment it
-- started, then the deployment's outcome; SUPERSEDED when a newer delivery for the same workload
-- came before it could start.
CREATE TABLE webhook_triggers (
    delivery_id   VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    rule_name     VARCHAR(63)   NOT NULL,
    cluster       VARCHAR(253)  NOT NULL,
    namespace     VARCHAR(253)  NOT NULL,
    kind          VARCHAR(63)   NOT NULL,
    name          VARCHAR(253)  NOT NULL,
    container     VARCHAR(253),
    image         VARCHAR(1024) NOT NULL,
    parameters    VARCHAR(4000) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    deployment_id VARCHAR(36),
    reason        VARCHAR(4000),
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_triggers_pk PRIMARY KEY (delivery_id, seq),
    CONSTRAINT webhook_triggers_delivery FOREIGN KEY (delivery_id)
        REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    CONSTRAINT webhook_triggers_status CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'INTERRUPTED', 'SUPERSEDED'))
);

-- The processor's claim query.
CREATE INDEX webhook_triggers_status ON webhook_triggers (status, updated_at);
