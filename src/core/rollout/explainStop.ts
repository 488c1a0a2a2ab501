import type { Task } from '@aws-sdk/client-ecs';

const ECR_PULL_HINT =
  'the image cannot be pulled — check its name and tag, and that the task execution role may pull from ECR (ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer)';

/** Why a task stopped, in words a person can act on. */
export function explainStoppedTask(t: Task): string {
  const reason = t.stoppedReason ?? 'stopped';
  const containers = t.containers ?? [];
  const oom = containers.find((c) => /OutOfMemory/i.test(c.reason ?? ''));
  if (oom) return `Container '${oom.name}' ran out of memory (exit ${oom.exitCode ?? 137}) — raise its memory or the task's`;
  if (/CannotPullContainerError/i.test(reason) || containers.some((c) => /CannotPullContainerError/i.test(c.reason ?? ''))) {
    const detail = /CannotPullContainerError/i.test(reason) ? reason : (containers.find((c) => /CannotPullContainerError/i.test(c.reason ?? ''))?.reason ?? reason);
    return `${detail} — ${ECR_PULL_HINT}`;
  }
  if (/ResourceInitializationError/i.test(reason)) {
    return `${reason} — the task execution role cannot fetch the registry credentials, secrets or log group it needs`;
  }
  if (/health ?check/i.test(reason)) return `health checks failed: ${reason}`;
  if (/Essential container in task exited/i.test(reason) || t.stopCode === 'EssentialContainerExited') {
    const failed = containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0) ?? containers.find((c) => c.reason);
    if (failed) {
      const code = failed.exitCode !== undefined ? ` with code ${failed.exitCode}` : '';
      return `Essential container '${failed.name}' exited${code}${failed.reason ? ` (${failed.reason})` : ''}`;
    }
  }
  return reason;
}

/** A stopped task counts against a rollout unless ECS stopped it on purpose (scaling, a user). */
export function stoppedByFailure(t: Task): boolean {
  if (t.lastStatus !== 'STOPPED') return false;
  if (t.stopCode === 'UserInitiated' || t.stopCode === 'ServiceSchedulerInitiated') {
    return /health ?check|CannotPull|ResourceInitialization/i.test(t.stoppedReason ?? '');
  }
  return true;
}
