import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { checkManifest, type CheckOptions } from "../../scripts/manifest/check";
import { distIconSize, registeredLaunchFunctions } from "../../scripts/manifest/build-inputs";
import {
  resolveApiAppId,
  withWebApplicationInfo,
} from "../../scripts/build/web-application-info.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const manifest = readFileSync(`${root}manifest.xml`, "utf8");
let options: CheckOptions;

beforeAll(() => {
  // The launch-event source bundled exactly as for classic Outlook: one script, no imports.
  const bundle = buildSync({
    entryPoints: [`${root}src/commands/launchevent.ts`],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2017",
  }).outputFiles[0]!.text;
  options = {
    iconSize: distIconSize(root),
    registeredFunctions: registeredLaunchFunctions(bundle),
  };
});

/** Replaces exactly one occurrence, so a mutation that silently does nothing fails the test. */
function mutate(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  expect(at, `fixture text not found: ${from}`).toBeGreaterThanOrEqual(0);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

function lineOf(xml: string, text: string): number {
  expect(xml).toContain(text);
  return xml.slice(0, xml.indexOf(text)).split("\n").length;
}

describe("checkManifest on our manifest", () => {
  it("finds no problem", () => {
    expect(checkManifest(manifest, options)).toEqual([]);
  });

  it("accepts the manifest with a production origin written in, and pins that origin", () => {
    const prod = manifest.replaceAll("https://localhost:3000", "https://vardmote.example.se");
    expect(checkManifest(prod, { ...options, origin: "https://vardmote.example.se" })).toEqual([]);
    const problems = checkManifest(manifest, { ...options, origin: "https://vardmote.example.se" });
    expect(problems.length).toBeGreaterThan(10);
    expect(problems[0]!.message).toContain(
      "is not on the add-in's origin https://vardmote.example.se",
    );
  });

  it("accepts WebApplicationInfo written in for the launch events' SSO, last in VersionOverrides 1.1", () => {
    const origin = "https://vardmote.example.se";
    const id = resolveApiAppId({ apiAppId: "6F1C2B8E-5D4A-4C3B-9A1E-7B6C5D4E3F2A" });
    const prod = withWebApplicationInfo(
      manifest.replaceAll("https://localhost:3000", origin),
      origin,
      id,
    );
    expect(prod).toContain(
      "<Id>6f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a</Id>\n" +
        "        <Resource>api://vardmote.example.se/6f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a</Resource>",
    );
    expect(prod).toMatch(/<\/WebApplicationInfo>\s*<\/VersionOverrides>\s*<\/VersionOverrides>/);
    expect(checkManifest(prod, { ...options, origin })).toEqual([]);
    expect(withWebApplicationInfo(manifest, origin, null)).toBe(manifest);
    expect(() => resolveApiAppId({ apiAppId: "not-a-guid" })).toThrow(/must be the booking API/);
  });

  it("declares the four launch events, SoftBlock on send", () => {
    expect(manifest).toMatch(
      /Type="OnAppointmentSend" FunctionName="onAppointmentSend" SendMode="SoftBlock"/,
    );
    expect(manifest).toContain('Type="OnAppointmentTimeChanged"');
    expect(manifest).toContain('Type="OnAppointmentAttendeesChanged"');
    expect(manifest).toContain('Type="OnAppointmentRecurrenceChanged"');
    expect(options.registeredFunctions).toEqual(
      new Set([
        "onAppointmentSend",
        "onAppointmentTimeChanged",
        "onAppointmentRecurrenceChanged",
        "onAppointmentAttendeesChanged",
      ]),
    );
  });
});

describe("checkManifest on broken manifests", () => {
  const cases: Array<{ name: string; from: string; to: string; expect: RegExp; at?: string }> = [
    {
      name: "not well-formed",
      from: "<Version>1.0.0.0</Version>",
      to: "<Version>1.0.0.0</Versio>",
      expect: /not well-formed XML/,
      at: "</Versio>",
    },
    {
      name: "elements out of order",
      from: "  <FormSettings>",
      to: '  <Rule xsi:type="ItemIs" ItemType="Appointment"/>\n  <FormSettings>',
      expect: /<FormSettings> is out of order/,
      at: "  <FormSettings>",
    },
    {
      name: "an undefined resid",
      from: '<Label resid="Organizer.Label"/>',
      to: '<Label resid="Organiser.Label"/>',
      expect: /resid "Organiser.Label" is not defined/,
      at: 'resid="Organiser.Label"',
    },
    {
      name: "a resid over 32 characters",
      from: 'resid="Group.Label"',
      to: 'resid="Group.Label.That.Is.Far.Too.Long.For.Outlook"',
      expect: /at most 32/,
    },
    {
      name: "an icon of the wrong size",
      from: 'id="Icon.16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
      to: 'id="Icon.16" DefaultValue="https://localhost:3000/assets/icon-32.png"',
      expect: /is 32×32 px; the manifest says 16 px/,
    },
    {
      name: "a missing icon file",
      from: "assets/icon-64.png",
      to: "assets/icon-65.png",
      expect: /IconUrl .* is not a PNG file/,
    },
    {
      name: "an http URL",
      from: '"https://localhost:3000/support.html"',
      to: '"http://localhost:3000/support.html"',
      expect: /must use https/,
    },
    {
      name: "a URL on another origin",
      from: '"https://localhost:3000/support.html"',
      to: '"https://evil.example.com/support.html"',
      expect: /not on the add-in's origin/,
    },
    {
      name: "a short string over 125 characters",
      from: '<bt:String id="Group.Label" DefaultValue="Protected care meeting">',
      to: `<bt:String id="Group.Label" DefaultValue="${"x".repeat(126)}">`,
      expect: /126 characters; at most 125/,
    },
    {
      name: "a long string over 250 characters",
      from: 'DefaultValue="See how to join the protected video meeting."',
      to: `DefaultValue="${"y".repeat(251)}"`,
      expect: /251 characters; at most 250/,
    },
    {
      name: "a string without sv-SE",
      from: '<Override Locale="sv-SE" Value="Skyddat vårdmöte"/>\n  </DisplayName>',
      to: "</DisplayName>",
      expect: /DisplayName has no sv-SE override/,
    },
    {
      name: "an unregistered launch function",
      from: 'FunctionName="onAppointmentTimeChanged"',
      to: 'FunctionName="onTimeChanged"',
      expect: /"onTimeChanged" is not registered/,
    },
    {
      name: "a ribbon icon size missing",
      from: '<bt:Image size="80" resid="Icon.80"/>\n                  </Icon>',
      to: "</Icon>",
      expect: /lacks the required 80 px image/,
    },
    {
      name: "a launch event outside VersionOverrides 1.1",
      from: '        <FunctionFile resid="Commands.Url"/>\n          <ExtensionPoint xsi:type="AppointmentOrganizerCommandSurface">',
      to: '        <SupportsSharedFolders>true</SupportsSharedFolders>\n        <FunctionFile resid="Commands.Url"/>\n          <ExtensionPoint xsi:type="AppointmentOrganizerCommandSurface">',
      expect: /SupportsSharedFolders is only valid in VersionOverrides 1.1/,
    },
    {
      name: "a wrong SendMode",
      from: 'SendMode="SoftBlock"',
      to: 'SendMode="Maybe"',
      expect: /SendMode "Maybe"/,
    },
    {
      name: "VersionOverrides 1.1 not last",
      from: "    </VersionOverrides>\n  </VersionOverrides>",
      to: '    </VersionOverrides>\n    <Description resid="Organizer.Tip"/>\n  </VersionOverrides>',
      expect: /must be the last child/,
    },
    {
      name: "ReadItem permission",
      from: "<Permissions>ReadWriteItem</Permissions>",
      to: "<Permissions>ReadItem</Permissions>",
      expect: /must be ReadWriteItem/,
    },
  ];

  it.each(cases)("reports $name with its line", (c) => {
    const broken = mutate(manifest, c.from, c.to);
    const problems = checkManifest(broken, options);
    const hit = problems.find((p) => c.expect.test(p.message));
    expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
    if (c.at) expect(hit!.line).toBe(lineOf(broken, c.at));
    expect(hit!.line).toBeGreaterThan(0);
  });

  it("reports the duplicated definition and the missing string of a LaunchEvent source", () => {
    const broken = mutate(
      manifest,
      '<SourceLocation resid="WebViewRuntime.Url"/>',
      '<SourceLocation resid="Commands.Url"/>',
    );
    expect(checkManifest(broken, options).map((p) => p.message)).toContain(
      "the LaunchEvent SourceLocation resid must equal a Runtime resid",
    );
  });
});
