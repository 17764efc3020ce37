// Offline manifest check: what `office-addin-manifest validate` would tell us (it needs a
// Microsoft web service) plus our own rules. Each problem names its line.
import { childrenNamed, localName, parseXml, walk, type XmlElement } from "./xml-tree";
import { checkOrder } from "./order";

export interface ManifestProblem {
  line: number;
  message: string;
}

export interface CheckOptions {
  /** Size in pixels of the PNG an icon URL points at, or null when there is no such PNG. */
  iconSize: (url: string) => { width: number; height: number } | null;
  /** Function names registered with Office.actions.associate in the launch-event bundle. */
  registeredFunctions?: ReadonlySet<string>;
  /** The one origin every URL must use; by default the origin of the first URL. */
  origin?: string;
}

const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;
const REQUIRED_LOCALE = "sv-SE";
const RIBBON_ICON_SIZES = ["16", "32", "80"];
const URL_ELEMENTS = new Set([
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "SourceLocation",
  "Image",
  "Url",
]);

export function checkManifest(xml: string, options: CheckOptions): ManifestProblem[] {
  const parsed = parseXml(xml);
  if (!parsed.ok) return [{ line: parsed.line, message: parsed.message }];
  const root = parsed.root;
  const problems: ManifestProblem[] = [];
  const report = (el: XmlElement, message: string) => problems.push({ line: el.line, message });

  if (localName(root) !== "OfficeApp" || root.attrs["xsi:type"] !== "MailApp") {
    report(root, 'root element must be <OfficeApp xsi:type="MailApp">');
  }
  checkOrder(root, report);
  checkBase(root, report);
  checkUrls(root, options.origin, report);
  checkBaseStrings(root, report);
  for (const vo of walk(root)) {
    if (localName(vo) === "VersionOverrides") checkVersionOverrides(vo, options, report);
  }
  checkIcon(root, "IconUrl", 64, options, report);
  checkIcon(root, "HighResolutionIconUrl", 128, options, report);
  return problems.sort((a, b) => a.line - b.line);
}

type Report = (el: XmlElement, message: string) => void;

function checkBase(root: XmlElement, report: Report): void {
  const permissions = childrenNamed(root, "Permissions")[0];
  if (permissions && permissions.text.trim() !== "ReadWriteItem") {
    report(
      permissions,
      "Permissions must be ReadWriteItem (the add-in writes body, location and custom properties)",
    );
  }
  const outer = childrenNamed(root, "VersionOverrides")[0];
  if (!outer) return report(root, "VersionOverrides is missing");
  if (outer.attrs["xsi:type"] !== "VersionOverridesV1_0")
    report(outer, "outer VersionOverrides must be VersionOverridesV1_0");
  const inner = childrenNamed(outer, "VersionOverrides")[0];
  if (!inner) return report(outer, "VersionOverrides 1.1 is missing inside VersionOverrides 1.0");
  if (inner.attrs["xsi:type"] !== "VersionOverridesV1_1")
    report(inner, "inner VersionOverrides must be VersionOverridesV1_1");
  if (outer.children.at(-1) !== inner)
    report(inner, "VersionOverrides 1.1 must be the last child of VersionOverrides 1.0");
  for (const vo of [outer, inner]) {
    const sets = [...walk(vo)].find(
      (e) => localName(e) === "Sets" && e.parent && localName(e.parent) === "Requirements",
    );
    if (!sets || sets.attrs.DefaultMinVersion !== "1.3")
      report(sets ?? vo, 'Requirements must declare bt:Sets DefaultMinVersion="1.3"');
  }
  for (const el of walk(outer)) {
    if (ownVersionOverrides(el) !== outer) continue;
    const name = localName(el);
    if (
      name === "Runtimes" ||
      name === "SupportsSharedFolders" ||
      (name === "ExtensionPoint" && el.attrs["xsi:type"] === "LaunchEvent")
    ) {
      report(
        el,
        `${name === "ExtensionPoint" ? "LaunchEvent" : name} is only valid in VersionOverrides 1.1`,
      );
    }
  }
}

/** The nearest VersionOverrides element that contains el. */
function ownVersionOverrides(el: XmlElement): XmlElement | null {
  for (let p = el.parent; p; p = p.parent) if (localName(p) === "VersionOverrides") return p;
  return null;
}

function checkUrls(root: XmlElement, expectedOrigin: string | undefined, report: Report): void {
  let origin = expectedOrigin;
  const checkOne = (el: XmlElement, value: string) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return report(el, `"${value}" is not a URL`);
    }
    if (url.protocol !== "https:") report(el, `URL ${value} must use https`);
    origin ??= url.origin;
    if (url.origin !== origin) report(el, `URL ${value} is not on the add-in's origin ${origin}`);
  };
  for (const el of walk(root)) {
    const name = localName(el);
    if (name === "AppDomain") checkOne(el, el.text.trim());
    if (
      !URL_ELEMENTS.has(name) &&
      !(name === "Override" && el.parent && URL_ELEMENTS.has(localName(el.parent)))
    )
      continue;
    for (const key of ["DefaultValue", "Value"]) {
      const value = el.attrs[key];
      if (value !== undefined) checkOne(el, value);
    }
  }
}

function checkString(el: XmlElement, max: number, report: Report): void {
  const value = el.attrs.DefaultValue ?? "";
  if (value.trim() === "") report(el, `${describe(el)} has no DefaultValue`);
  if (value.length > max)
    report(el, `${describe(el)} is ${value.length} characters; at most ${max} are allowed`);
  const overrides = el.children.filter((c) => localName(c) === "Override");
  if (!overrides.some((o) => o.attrs.Locale === REQUIRED_LOCALE))
    report(el, `${describe(el)} has no ${REQUIRED_LOCALE} override`);
  for (const o of overrides) {
    const v = o.attrs.Value ?? "";
    if (v.trim() === "")
      report(o, `${describe(el)} has an empty ${o.attrs.Locale ?? "?"} override`);
    if (v.length > max)
      report(
        o,
        `${describe(el)} ${o.attrs.Locale ?? "?"} override is ${v.length} characters; at most ${max} are allowed`,
      );
  }
}

function describe(el: XmlElement): string {
  return el.attrs.id ? `string "${el.attrs.id}"` : localName(el);
}

function checkBaseStrings(root: XmlElement, report: Report): void {
  const displayName = childrenNamed(root, "DisplayName")[0];
  const description = childrenNamed(root, "Description")[0];
  if (displayName) checkString(displayName, SHORT_MAX, report);
  else report(root, "DisplayName is missing");
  if (description) checkString(description, LONG_MAX, report);
  else report(root, "Description is missing");
}

interface Resources {
  images: Map<string, XmlElement>;
  urls: Map<string, XmlElement>;
  shortStrings: Map<string, XmlElement>;
  longStrings: Map<string, XmlElement>;
}

function readResources(vo: XmlElement, report: Report): Resources {
  const res: Resources = {
    images: new Map(),
    urls: new Map(),
    shortStrings: new Map(),
    longStrings: new Map(),
  };
  const resources = childrenNamed(vo, "Resources")[0];
  if (!resources) {
    report(vo, "VersionOverrides has no Resources");
    return res;
  }
  const groups: Array<[string, keyof Resources, number | null]> = [
    ["Images", "images", null],
    ["Urls", "urls", null],
    ["ShortStrings", "shortStrings", SHORT_MAX],
    ["LongStrings", "longStrings", LONG_MAX],
  ];
  for (const [groupName, key, max] of groups) {
    for (const group of childrenNamed(resources, groupName)) {
      for (const item of group.children) {
        const id = item.attrs.id ?? "";
        if (!id) report(item, `${groupName} entry without id`);
        if (id.length > RESID_MAX)
          report(
            item,
            `resource id "${id}" is ${id.length} characters; at most ${RESID_MAX} are allowed`,
          );
        if (res[key].has(id)) report(item, `resource id "${id}" is defined twice`);
        res[key].set(id, item);
        if (max !== null) checkString(item, max, report);
      }
    }
  }
  return res;
}

/** Which resource group a resid on this element must point into. */
function expectedGroup(el: XmlElement): keyof Resources | null {
  const name = localName(el);
  const parent = el.parent ? localName(el.parent) : "";
  if (name === "Image") return "images";
  if (
    name === "SourceLocation" ||
    name === "FunctionFile" ||
    name === "Runtime" ||
    name === "Override"
  )
    return "urls";
  if (name === "Label" || name === "Title") return "shortStrings";
  if (name === "Description" && parent === "Supertip") return "longStrings";
  return null;
}

function checkVersionOverrides(vo: XmlElement, options: CheckOptions, report: Report): void {
  const res = readResources(vo, report);
  for (const el of walk(vo)) {
    if (el !== vo && localName(el) === "VersionOverrides") continue;
    if (ownVersionOverrides(el) !== vo) continue;
    const resid = el.attrs.resid;
    if (el.attrs.id && el.attrs.id.length > RESID_MAX && !el.name.startsWith("bt:")) {
      report(
        el,
        `id "${el.attrs.id}" is ${el.attrs.id.length} characters; at most ${RESID_MAX} are allowed`,
      );
    }
    if (resid === undefined) continue;
    if (resid.length > RESID_MAX)
      report(
        el,
        `resid "${resid}" is ${resid.length} characters; at most ${RESID_MAX} are allowed`,
      );
    const group = expectedGroup(el);
    if (!group) continue;
    const target = res[group].get(resid);
    if (!target) {
      report(el, `resid "${resid}" is not defined in this VersionOverrides' Resources (${group})`);
      continue;
    }
    if (group === "images" && el.attrs.size)
      checkImageSize(el, target, Number(el.attrs.size), options, report);
  }
  for (const icon of [...walk(vo)].filter(
    (e) => localName(e) === "Icon" && ownVersionOverrides(e) === vo,
  )) {
    const sizes = icon.children.map((c) => c.attrs.size);
    for (const size of RIBBON_ICON_SIZES)
      if (!sizes.includes(size)) report(icon, `Icon lacks the required ${size} px image`);
  }
  if (vo.attrs["xsi:type"] === "VersionOverridesV1_1") checkLaunchEvents(vo, options, report);
}

function checkImageSize(
  el: XmlElement,
  image: XmlElement,
  size: number,
  options: CheckOptions,
  report: Report,
): void {
  const url = image.attrs.DefaultValue ?? "";
  const actual = options.iconSize(url);
  if (!actual) return report(el, `icon ${url} is not a PNG file in the build`);
  if (actual.width !== size || actual.height !== size) {
    report(el, `icon ${url} is ${actual.width}×${actual.height} px; the manifest says ${size} px`);
  }
}

function checkIcon(
  root: XmlElement,
  name: string,
  size: number,
  options: CheckOptions,
  report: Report,
): void {
  const el = childrenNamed(root, name)[0];
  if (!el) return report(root, `${name} is missing`);
  const url = el.attrs.DefaultValue ?? "";
  const actual = options.iconSize(url);
  if (!actual) return report(el, `${name} ${url} is not a PNG file in the build`);
  if (actual.width !== size || actual.height !== size)
    report(el, `${name} must be ${size}×${size} px, not ${actual.width}×${actual.height}`);
}

function checkLaunchEvents(vo: XmlElement, options: CheckOptions, report: Report): void {
  const runtimes = [...walk(vo)].filter((e) => localName(e) === "Runtime");
  const points = [...walk(vo)].filter(
    (e) => localName(e) === "ExtensionPoint" && e.attrs["xsi:type"] === "LaunchEvent",
  );
  for (const point of points) {
    const source = childrenNamed(point, "SourceLocation")[0];
    if (!source || !runtimes.some((r) => r.attrs.resid === source.attrs.resid)) {
      report(source ?? point, "the LaunchEvent SourceLocation resid must equal a Runtime resid");
    }
    const runtime = runtimes.find((r) => r.attrs.resid === source?.attrs.resid);
    if (
      runtime &&
      !runtime.children.some((c) => localName(c) === "Override" && c.attrs.type === "javascript")
    ) {
      report(
        runtime,
        'the Runtime needs <Override type="javascript"> for classic Outlook on Windows',
      );
    }
    for (const ev of [...walk(point)].filter((e) => localName(e) === "LaunchEvent")) {
      const fn = ev.attrs.FunctionName ?? "";
      if (!fn) report(ev, `LaunchEvent ${ev.attrs.Type ?? "?"} has no FunctionName`);
      if (
        ev.attrs.Type === "OnAppointmentSend" &&
        !["PromptUser", "SoftBlock", "Block"].includes(ev.attrs.SendMode ?? "SoftBlock")
      ) {
        report(ev, `SendMode "${ev.attrs.SendMode}" is not PromptUser, SoftBlock or Block`);
      }
      if (options.registeredFunctions && fn && !options.registeredFunctions.has(fn)) {
        report(
          ev,
          `FunctionName "${fn}" is not registered with Office.actions.associate in the launch-event bundle`,
        );
      }
    }
  }
}
