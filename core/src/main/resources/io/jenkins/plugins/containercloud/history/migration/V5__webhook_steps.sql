-- The steps of a code-push trigger's pipeline (checkout, build, push, deploy), each with its timing
-- and outcome. A trigger run again after a crash writes its steps again (delete, then insert).
CREATE TABLE webhook_steps (
    delivery_id   VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    step          VARCHAR(16)   NOT NULL,
    position      INTEGER       NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP(6) WITH TIME ZONE,
    detail        VARCHAR(4000),
    CONSTRAINT webhook_steps_pk PRIMARY KEY (delivery_id, seq, step),
    CONSTRAINT webhook_steps_trigger FOREIGN KEY (delivery_id, seq)
        REFERENCES webhook_triggers (delivery_id, seq) ON DELETE CASCADE,
    CONSTRAINT webhook_steps_status CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
