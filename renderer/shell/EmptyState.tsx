import type { ReactNode } from 'react';

/** A screen with nothing to show yet: what is missing and what to do next. */
export function EmptyState(props: { title: string; children: ReactNode; action?: { label: string; onClick: () => void }; testId?: string }) {
  return (
    <section className="empty-state" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <div className="empty-body">{props.children}</div>
      {props.action && (
        <button type="button" className="primary" onClick={props.action.onClick}>
          {props.action.label}
        </button>
      )}
    </section>
  );
}
