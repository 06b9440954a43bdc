export { JOBS, QUEUES, type JobName, type JobPayload, type JobsOf, type QueueName } from "./catalog";
export { bullPrefix, createRedis } from "./connection";
export { closeQueues, enqueue, getQueue, requeue } from "./enqueue";
export { getQueueHealth, type QueueHealth } from "./queue-health";
export type { QueueConfig } from "./queue-config";
export { pingRedis } from "./ping-redis";
