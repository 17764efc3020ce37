import { type MeetingType, type MeetingTypeId, type Policy, getMeetingType } from "../../shared";
import { AppError } from "../errors";

/** The policy's meeting type, or AppError "policy_violation" when the region does not offer it. */
export function requireType(policy: Policy, id: string): MeetingType {
  const type = getMeetingType(policy, id as MeetingTypeId);
  if (!type) throw new AppError("policy_violation", `meeting type ${id} is not offered`);
  return type;
}
