// The pane's door to the service client's one error catalogue (src/shared/service-client).
export {
  ServiceError,
  type ServiceErrorCode,
  codeForStatus,
  isServiceError,
} from "../../shared/service-client/errors";
