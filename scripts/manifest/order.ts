// Child order that Outlook's manifest schema enforces ([MS-OWEMXML] sequences): a wrong order is
// a sideload error, so we check it before anyone deploys.
import { localName, walk, type XmlElement } from "./xml-tree";

interface Sequence {
  order: string[];
  required?: string[];
}

const OFFICE_APP: Sequence = {
  order: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "FormSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "Dictionary",
    "VersionOverrides",
  ],
  required: [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "Requirements",
    "FormSettings",
    "Permissions",
    "Rule",
  ],
};

function sequenceFor(el: XmlElement): Sequence | null {
  const type = el.attrs["xsi:type"];
  switch (localName(el)) {
    case "OfficeApp":
      return OFFICE_APP;
    case "VersionOverrides":
      return {
        order: [
          "Description",
          "Requirements",
          "Hosts",
          "Resources",
          "EquivalentAddins",
          "VersionOverrides",
          "WebApplicationInfo",
        ],
        required: ["Requirements", "Hosts", "Resources"],
      };
    case "Host":
      return type === "MailHost"
        ? { order: ["Runtimes", "DesktopFormFactor", "MobileFormFactor"] }
        : null;
    case "DesktopFormFactor":
      return {
        order: ["SupportsSharedFolders", "FunctionFile", "ExtensionPoint"],
        required: ["ExtensionPoint"],
      };
    case "Resources":
      return { order: ["Images", "Urls", "ShortStrings", "LongStrings"] };
    case "Control":
      return {
        order: ["Label", "Supertip", "Icon", "Action"],
        required: ["Label", "Supertip", "Icon", "Action"],
      };
    case "Supertip":
      return { order: ["Title", "Description"], required: ["Title", "Description"] };
    case "Group":
      return { order: ["Label", "Control"], required: ["Label", "Control"] };
    case "Form":
      return { order: ["DesktopSettings", "TabletSettings", "PhoneSettings"] };
    case "DesktopSettings":
      return { order: ["SourceLocation", "RequestedHeight"], required: ["SourceLocation"] };
    case "ExtensionPoint":
      return type === "LaunchEvent"
        ? {
            order: ["LaunchEvents", "SourceLocation"],
            required: ["LaunchEvents", "SourceLocation"],
          }
        : { order: ["OfficeTab", "CustomTab"] };
    default:
      return null;
  }
}

export function checkOrder(
  root: XmlElement,
  report: (el: XmlElement, message: string) => void,
): void {
  for (const el of walk(root)) {
    const seq = sequenceFor(el);
    if (!seq) continue;
    const parentName = localName(el);
    let last = -1;
    for (const child of el.children) {
      const name = localName(child);
      const index = seq.order.indexOf(name);
      if (index < 0) {
        report(child, `<${child.name}> is not expected inside <${el.name}>`);
        continue;
      }
      if (index < last) {
        report(
          child,
          `<${child.name}> is out of order inside <${parentName}>: expected order ${seq.order.join(", ")}`,
        );
      }
      last = Math.max(last, index);
    }
    for (const name of seq.required ?? []) {
      if (!el.children.some((c) => localName(c) === name))
        report(el, `<${el.name}> lacks the required <${name}>`);
    }
  }
}
