import { faultSpecSchema, type FaultInput, type FaultSpec } from "./fault-spec";

export interface ActiveFault extends FaultSpec {
  id: number;
  /** How many more times it fires; null = no limit. */
  remaining: number | null;
  fired: number;
}

/** The injected faults of one emulator, consulted once per API request. */
export class FaultBook {
  private faults: Array<ActiveFault & { random: () => number }> = [];
  private nextId = 1;

  constructor(initial: readonly FaultInput[] = []) {
    for (const f of initial) this.add(f);
  }

  /** Adds a fault; throws a ZodError on an invalid spec. */
  add(input: FaultInput): ActiveFault {
    const spec = faultSpecSchema.parse(input);
    const fault = {
      ...spec,
      id: this.nextId++,
      remaining: spec.count ?? null,
      fired: 0,
      random: spec.seed === undefined ? Math.random : mulberry32(spec.seed),
    };
    this.faults.push(fault);
    return publicView(fault);
  }

  list(): ActiveFault[] {
    return this.faults.map(publicView);
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  /** Removes every fault; ids start again at 1 (a reset is a fresh start). */
  clear(): void {
    this.faults = [];
    this.nextId = 1;
  }

  /** The fault that fires for this call, if any; counts it. */
  pick(method: string, path: string): FaultSpec | undefined {
    for (const fault of this.faults) {
      if (!routeMatches(fault.route, method, path)) continue;
      if (fault.rate !== undefined && !(fault.random() < fault.rate)) continue;
      fault.fired++;
      if (fault.remaining !== null) {
        fault.remaining--;
        if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
      }
      return fault;
    }
    return undefined;
  }
}

function routeMatches(route: string, method: string, path: string): boolean {
  if (route === "*") return true;
  const space = route.indexOf(" ");
  const routeMethod = route.slice(0, space);
  const prefix = route.slice(space + 1);
  return (routeMethod === "*" || routeMethod === method) && path.startsWith(prefix);
}

function publicView(fault: ActiveFault & { random: () => number }): ActiveFault {
  const { random: _random, ...rest } = fault;
  return rest;
}

/** Small seeded PRNG so that `rate` faults can be replayed exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
