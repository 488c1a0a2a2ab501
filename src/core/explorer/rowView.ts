/** A codicon with an optional theme colour id — turned into a ThemeIcon by the extension. */
export interface IconSpec {
  readonly id: string;
  readonly color?: string;
}

/** What every tree row needs, decided in core so it is unit-tested without an editor. */
export interface RowView {
  readonly label: string;
  readonly description: string;
  /** Markdown. */
  readonly tooltip: string;
  readonly icon: IconSpec;
  readonly contextValue: string;
}

export const ICONS = {
  healthy: { id: 'pass-filled', color: 'testing.iconPassed' },
  deploying: { id: 'sync~spin', color: 'charts.blue' },
  failing: { id: 'error', color: 'testing.iconFailed' },
  degraded: { id: 'warning', color: 'list.warningForeground' },
  idle: { id: 'circle-slash', color: 'disabledForeground' },
  pending: { id: 'loading~spin' },
  stopped: { id: 'debug-stop', color: 'disabledForeground' },
} as const satisfies Record<string, IconSpec>;
