// The one client of the booking service (pane and launch events): one exchange with an aborting
// timeout, the pane's retrying request on top, one error catalogue, zod/mini answers.
export * from "./errors";
export * from "./exchange";
export * from "./request";
export * from "./answers";
export * from "./error-answer";
export * from "./sign-in";
