import { StopTaskCommand, UpdateServiceCommand, type ECSClient, type Service, type Task } from '@aws-sdk/client-ecs';
import { isOutcomeUnknown, once } from './once';
import { describeService } from './services';

/** Sets the desired count; ECS starts or stops tasks to match. */
export async function scaleService(ecs: ECSClient, cluster: string, service: string, desiredCount: number, signal?: AbortSignal): Promise<Service | undefined> {
  if (!Number.isInteger(desiredCount) || desiredCount < 0) throw new RangeError(`desired count must be a whole number ≥ 0, got ${desiredCount}`);
  const out = await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount }), { abortSignal: signal });
  return out.service;
}

const primaryId = (s: Service | undefined) => (s?.deployments?.find((d) => d.status === 'PRIMARY') ?? s?.deployments?.[0])?.id;

/**
 * Restarts the service's tasks with the same task definition revision (no new revision). Each
 * forced update starts another deployment, so when an answer is lost the service is looked at
 * before the call is repeated.
 */
export async function forceNewDeployment(ecs: ECSClient, cluster: string, service: string, signal?: AbortSignal): Promise<Service | undefined> {
  const before = primaryId(await describeService(ecs, cluster, service, signal));
  for (let tries = 1; ; tries++) {
    try {
      const out = await ecs.send(once(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true })), { abortSignal: signal });
      return out.service;
    } catch (err) {
      if (!isOutcomeUnknown(err)) throw err;
      // A new primary deployment is the lost call's.
      const now = await describeService(ecs, cluster, service, signal);
      if (primaryId(now) !== before) return now;
      if (tries >= 3) throw err;
    }
  }
}

/** Stops one task; the reason shows in its stoppedReason and in the service's events. */
export async function stopTask(ecs: ECSClient, cluster: string, task: string, reason: string, signal?: AbortSignal): Promise<Task | undefined> {
  const out = await ecs.send(new StopTaskCommand({ cluster, task, reason: reason.slice(0, 255) }), { abortSignal: signal });
  return out.task;
}
