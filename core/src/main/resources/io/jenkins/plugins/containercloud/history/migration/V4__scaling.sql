-- The node-pool autoscaler's record: every decision (a scale-up and why, why not, a scale-down) and
-- every step of a machine's life (requested, created, joined, cordoned, drained, deleted,
-- terminated), with reasons and timings. Independent of V3 (webhook deliveries): it creates and
-- refers to nothing else. Written in the SQL that both H2 2.x and PostgreSQL 12+ accept; column
-- sizes match ScalingRows.java.

CREATE TABLE scaling_events (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    cluster      VARCHAR(253)  NOT NULL,
    pool         VARCHAR(63)   NOT NULL,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    type         VARCHAR(32)   NOT NULL,
    request_key  VARCHAR(64),
    machine_id   VARCHAR(253),
    node_name    VARCHAR(253),
    nodes        INTEGER       NOT NULL,
    pods         VARCHAR(4000),
    reason       VARCHAR(4000),
    duration_ms  BIGINT
);

-- recent() per cluster, newest first; unfinished scale-ups by their request key.
CREATE INDEX scaling_events_cluster_time ON scaling_events (cluster, occurred_at);
CREATE INDEX scaling_events_request ON scaling_events (request_key);
