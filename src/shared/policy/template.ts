import type { JoinData } from "../contract";

/**
 * The closed list of variables an invitation template may use. Each is a guest join field, so
 * a template can never pull anything else (subject, names, notes) into the invitation.
 */
export const TEMPLATE_VARIABLES = [
  "url",
  "alias",
  "sipUri",
  "meetingId",
  "passcode",
  "dialInNumber",
  "dialInConferenceId",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const VARIABLE_SET: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

export function isTemplateVariable(name: string): name is TemplateVariable {
  return VARIABLE_SET.has(name);
}

/** A template string cut into literal text and `{{variable}}` references. */
export type TemplatePart = { kind: "text"; text: string } | { kind: "var"; name: TemplateVariable };

export type TemplateParseResult =
  { ok: true; parts: TemplatePart[] } | { ok: false; error: string };

/**
 * Cuts `"Mötes-ID: {{meetingId}}"` into parts. Linear, no regular expressions: templates come
 * from a file region IT edits, and an error must say exactly what is wrong.
 */
export function parseTemplate(template: string): TemplateParseResult {
  const parts: TemplatePart[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf("{{", pos);
    if (open === -1) {
      parts.push({ kind: "text", text: template.slice(pos) });
      break;
    }
    if (open > pos) parts.push({ kind: "text", text: template.slice(pos, open) });
    const close = template.indexOf("}}", open + 2);
    if (close === -1) return { ok: false, error: `unclosed "{{" at character ${open}` };
    const name = template.slice(open + 2, close).trim();
    if (!isTemplateVariable(name)) {
      return {
        ok: false,
        error: `unknown template variable "${name}" (allowed: ${TEMPLATE_VARIABLES.join(", ")})`,
      };
    }
    parts.push({ kind: "var", name });
    pos = close + 2;
  }
  return { ok: true, parts };
}

/** The value of each variable for one booking; absent fields stay undefined. */
export function templateValues(join: JoinData): Record<TemplateVariable, string | undefined> {
  return {
    url: join.url,
    alias: join.alias,
    sipUri: join.sipUri,
    meetingId: join.meetingId,
    passcode: join.passcode,
    dialInNumber: join.dialIn?.number,
    dialInConferenceId: join.dialIn?.conferenceId,
  };
}

/** Whether a (valid) template refers to `name`. */
export function templateUsesVariable(template: string, name: TemplateVariable): boolean {
  const parsed = parseTemplate(template);
  return parsed.ok && parsed.parts.some((part) => part.kind === "var" && part.name === name);
}
