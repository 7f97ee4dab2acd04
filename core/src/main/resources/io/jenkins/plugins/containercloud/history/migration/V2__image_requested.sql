-- The image a deployment was asked to roll out, which a failed rollout never reaches: its
-- image_after is then the image it went back to.
ALTER TABLE deployments ADD COLUMN image_requested VARCHAR(1024);

-- Rows recorded before this column: where the rollout did not fail, image_after is the image it was
-- asked for (set at the start and kept, or reached). A failed or rolled-back row's image_after was
-- replaced by the image it went back to, so what it tried is not known (it is in its events' text).
UPDATE deployments SET image_requested = image_after
    WHERE outcome IN ('SUCCEEDED', 'RUNNING', 'INTERRUPTED');
