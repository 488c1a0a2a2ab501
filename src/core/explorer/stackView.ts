import type { Stack } from '@aws-sdk/client-cloudformation';
import { md } from './markdown';
import { ICONS, type RowView } from './rowView';
import { contextValue } from './contextValues';

/** The app's CloudFormation stack under its service: status, and what it last said. */
export function stackView(s: Stack): RowView {
  const status = s.StackStatus ?? 'UNKNOWN';
  const icon = /_IN_PROGRESS$/.test(status)
    ? ICONS.deploying
    : /ROLLBACK|FAILED/.test(status)
      ? ICONS.failing
      : /_COMPLETE$/.test(status)
        ? ICONS.healthy
        : ICONS.degraded;
  return {
    label: 'Stack',
    description: `${s.StackName ?? ''} · ${status}`,
    tooltip: [
      `**CloudFormation stack** ${md(s.StackName)}  `,
      `Status: ${md(status)}  `,
      s.StackStatusReason ? `Reason: ${md(s.StackStatusReason)}  ` : '',
      s.LastUpdatedTime ?? s.CreationTime ? `Last change: ${(s.LastUpdatedTime ?? s.CreationTime)!.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '',
    ].filter(Boolean).join('\n'),
    icon,
    contextValue: contextValue.stack(/_IN_PROGRESS$/.test(status)),
  };
}
