/** CloudFormation stack names: a letter, then letters, digits and "-", at most 128. */
const STACK_NAME_MAX = 128;

/**
 * The app's stack name, derived from cluster and service only, so every run (and `down`) finds the
 * same stack. Names that must be changed to fit get a short hash of the originals, so two apps
 * whose names differ only in "_" vs "-" do not share a stack.
 */
export function stackName(cluster: string, service: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '-');
  const plain = `ecs-deploy-${clean(cluster)}-${clean(service)}`;
  if (plain.length <= STACK_NAME_MAX && clean(cluster) === cluster && clean(service) === service) return plain;
  const hash = fnv1a(`${cluster}/${service}`);
  return `${plain.slice(0, STACK_NAME_MAX - hash.length - 1)}-${hash}`;
}

/** A readable logical id from a compose name: "mongo-data" → "MongoData" (letters and digits only). */
export function pascalId(name: string): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return /^[A-Za-z]/.test(id) ? id : `V${id}`;
}

/** 32-bit FNV-1a as 8 hex digits: short, stable, no dependency. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
