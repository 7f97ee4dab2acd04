-- The output of each code-push pipeline step (the checkout's, the build's progress, the push's),
-- bounded by the pipeline and with secrets masked before it is stored; read one step at a time.
ALTER TABLE webhook_steps ADD COLUMN log VARCHAR(65536);
