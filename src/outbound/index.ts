/** The outbound queue for proactive sends: Teams' rate limits, retries and failure reports. */
export {
  createOutboundQueue,
  OutboundError,
  type OutboundJob,
  type OutboundQueue,
  type OutboundQueueOptions,
} from './outbound-queue';
export { CONVERSATION_LIMITS, TENANT_LIMITS, SlidingWindowLimiter, type RateLimit } from './rate-limiter';
export { backoffMs, classify, retryAfterMs, statusCodeOf, type BackoffOptions, type Verdict } from './retry-policy';
