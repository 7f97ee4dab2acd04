-- Deployments and their events. Written in the SQL that both H2 2.x and PostgreSQL 12+ accept.
-- Column sizes match Fields.java, which checks values before they are written.

CREATE TABLE deployments (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    cluster             VARCHAR(253)  NOT NULL,
    namespace           VARCHAR(253)  NOT NULL,
    kind                VARCHAR(63)   NOT NULL,
    name                VARCHAR(253)  NOT NULL,
    container           VARCHAR(253),
    image_before        VARCHAR(1024),
    image_after         VARCHAR(1024),
    strategy            VARCHAR(63)   NOT NULL,
    strategy_parameters VARCHAR(4000) NOT NULL,
    trigger_type        VARCHAR(16)   NOT NULL,
    trigger_value       VARCHAR(2048) NOT NULL,
    started_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP(6) WITH TIME ZONE,
    outcome             VARCHAR(16)   NOT NULL,
    reason              VARCHAR(4000),
    CONSTRAINT deployments_trigger_type CHECK (trigger_type IN ('BUILD', 'WEBHOOK', 'USER', 'CLI')),
    CONSTRAINT deployments_outcome CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'INTERRUPTED'))
);

-- recent(), byWorkload() and previousSuccessful(), byOutcome().
CREATE INDEX deployments_started ON deployments (started_at);
CREATE INDEX deployments_workload ON deployments (cluster, namespace, kind, name, started_at);
CREATE INDEX deployments_outcome_started ON deployments (outcome, started_at);

CREATE TABLE deployment_events (
    deployment_id VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    occurred_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    type          VARCHAR(63)   NOT NULL,
    message       VARCHAR(4000) NOT NULL,
    CONSTRAINT deployment_events_pk PRIMARY KEY (deployment_id, seq),
    CONSTRAINT deployment_events_deployment FOREIGN KEY (deployment_id)
        REFERENCES deployments (id) ON DELETE CASCADE
);
