-- when the transmittal was put on its queue: the resend timer only re-queues those never queued
alter table transmittal add column queued_at timestamptz;
