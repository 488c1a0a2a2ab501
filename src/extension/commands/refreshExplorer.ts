import type { ConnectionState } from '../connectionState';
import type { CommandBody } from '../commandWrapper';

/** ECS: Refresh — new clients (so renewed credentials are read) and a reloaded tree. */
export function refreshExplorer(state: ConnectionState): CommandBody {
  return async () => {
    state.reset();
  };
}
