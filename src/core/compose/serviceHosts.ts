import type { ComposeProject } from './loadProject';
import { get, isMap, isSeq, text } from './node';

/** Every name a service can be reached by in Compose's network: these become localhost. */
export function serviceHosts(project: ComposeProject): Set<string> {
  const hosts = new Set<string>();
  for (const [name, svc] of project.services) {
    hosts.add(name);
    const cn = text(get(svc, 'container_name'));
    if (cn) hosts.add(cn);
    const networks = get(svc, 'networks');
    if (isMap(networks)) {
      for (const n of networks.entries.values()) {
        const aliases = get(n.value, 'aliases');
        if (isSeq(aliases)) for (const a of aliases.items) if (text(a)) hosts.add(text(a)!);
      }
    }
  }
  for (const svc of project.services.values()) {
    const links = get(svc, 'links');
    if (isSeq(links)) {
      for (const l of links.items) {
        const [target, alias] = (text(l) ?? '').split(':');
        if (alias && project.services.has(target)) hosts.add(alias);
      }
    }
  }
  return hosts;
}
