// `npm run bench`: the project's performance figures (DESIGN §8). Each part of the product adds
// its benchmark here as it lands; until then this says plainly what is not measured yet.
const sections: Array<{ name: string; run: () => Promise<Array<[string, string]>> }> = [];

async function main(): Promise<void> {
  if (sections.length === 0) {
    process.stdout.write(
      "No benchmarks yet: the shared core, service, pane and send-check issues add them.\n",
    );
    return;
  }
  for (const section of sections) {
    process.stdout.write(`\n## ${section.name}\n`);
    for (const [label, value] of await section.run())
      process.stdout.write(`${label.padEnd(48)} ${value}\n`);
  }
}

void main();
