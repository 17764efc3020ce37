export { systemClock, type Clock } from "./clock";
export { type CallScope, currentCallScope, newCallScope, runInCallScope } from "./call-scope";
export { HttpPolicy, type HttpPolicyInput } from "./http-policy";
export { backoffDelay, parseRetryAfter } from "./backoff";
export {
  createHttpClient,
  type AuthHook,
  type DescribeError,
  type ErrorKind,
  type HttpCallEvent,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type ProviderName,
} from "./http-client";
export { createTokenCache, type AccessToken, type TokenCache } from "./token-cache";
export { assertionKey, clientCredentialsAuth, type ClientCredentialsOptions } from "./token-auth";
export {
  fetchTransport,
  nodeTransport,
  type FetchLike,
  type Transport,
  type TransportHeaders,
  type TransportRequest,
  type TransportResponse,
} from "./transport";
